import protobuf from 'protobufjs';
import { messageIndexesBytes } from '../codec/wire-format';
import { compileProtobuf, type ProtobufDecoder } from './protobuf';
import { SchemaMismatch } from './schema-encode';
import type { RegisteredSchema, RegistryReads } from './schema-handlers';

/**
 * Protobuf produce: the registered .proto (its references fetched from the registry as imports),
 * the message named by the request, else the file's first (Confluent's default, message indexes
 * [0]), written with that message's indexes; JSON as the decoded form
 * shows it (proto3 JSON: enums by name, 64-bit integers as strings, bytes base64, Timestamp as
 * RFC 3339). protobufjs's fromObject coerces quietly ("abc" becomes 0 in an int32), so every
 * field is checked first, with its path.
 */
const MAX_DEPTH = 32;

export async function importsOf(registry: RegistryReads, references: RegisteredSchema['references'], into: Record<string, string>, depth = 0): Promise<Record<string, string>> {
  if (depth > 16) throw new Error('schema references nest too deep');
  for (const reference of references ?? []) {
    if (into[reference.name] !== undefined) continue;
    const found = await registry.subjectVersion(reference.subject, reference.version);
    into[reference.name] = found.schema;
    await importsOf(registry, found.references, into, depth + 1);
  }
  return into;
}

const INT32 = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
const INT64 = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

function checkScalar(field: protobuf.Field, value: unknown, path: string): void {
  const type = field.type;
  const fail = (expected: string) => {
    throw new SchemaMismatch(path, `expected ${expected}, got ${JSON.stringify(value)?.slice(0, 80)}`);
  };
  if (field.resolvedType instanceof protobuf.Enum) {
    if (!(typeof value === 'string' && value in field.resolvedType.values) && !Number.isInteger(value)) fail(`one of ${Object.keys(field.resolvedType.values).join(', ')}`);
  } else if (field.resolvedType instanceof protobuf.Type) {
    checkMessage(field.resolvedType, value, path);
  } else if (type === 'string') {
    if (typeof value !== 'string') fail('string');
  } else if (type === 'bool') {
    if (typeof value !== 'boolean') fail('boolean');
  } else if (INT32.has(type)) {
    if (!Number.isInteger(typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value)) fail(type);
  } else if (INT64.has(type)) {
    if (!(Number.isSafeInteger(value) || (typeof value === 'string' && /^-?\d{1,20}$/.test(value)))) fail(`${type} (a number or a decimal string)`);
  } else if (type === 'double' || type === 'float') {
    if (typeof value !== 'number' && !['NaN', 'Infinity', '-Infinity'].includes(value as string)) fail(type);
  } else if (type === 'bytes') {
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) fail('base64 bytes');
  }
}

/**
 * Well-known types in their proto3 JSON forms, as objects: protobufjs's generated fromObject wants
 * an object for every message field before any wrapper sees it.
 */
function wellKnown(type: protobuf.Type, value: unknown, path: string): unknown {
  const name = type.fullName;
  if (name === '.google.protobuf.Timestamp' && typeof value === 'string') {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new SchemaMismatch(path, `expected an RFC 3339 timestamp, got ${JSON.stringify(value).slice(0, 80)}`);
    return { seconds: Math.floor(ms / 1000), nanos: Number((/\.(\d+)/.exec(value)?.[1] ?? '').padEnd(9, '0').slice(0, 9)) };
  }
  if (name === '.google.protobuf.Duration' && typeof value === 'string') {
    const match = /^(-?\d+)(?:\.(\d{1,9}))?s$/.exec(value);
    if (!match) throw new SchemaMismatch(path, `expected a duration like "1.5s", got ${JSON.stringify(value).slice(0, 80)}`);
    return { seconds: match[1], nanos: Number((match[2] ?? '').padEnd(9, '0')) * (match[1]!.startsWith('-') ? -1 : 1) };
  }
  if (/^\.google\.protobuf\.[A-Za-z0-9]+Value$/.test(name) && (typeof value !== 'object' || value === null)) return { value };
  return value;
}

function checkMessage(type: protobuf.Type, value: unknown, path: string, depth = 0): void {
  if (type.fullName.startsWith('.google.protobuf.')) return;
  if (depth > MAX_DEPTH) throw new SchemaMismatch(path, 'nested too deep');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SchemaMismatch(path, `expected a ${type.name} object, got ${JSON.stringify(value)?.slice(0, 80)}`);
  for (const [key, item] of Object.entries(value)) {
    const field = type.fields[key] ?? type.fieldsArray.find((f) => f.name === key || (f as { jsonName?: string }).jsonName === key);
    const at = join(path, key);
    if (!field) throw new SchemaMismatch(at, `${type.name} has no field ${key}`);
    if (item === null) continue;
    field.resolve();
    const resolved = field.resolvedType;
    if (resolved instanceof protobuf.Type && resolved.fullName.startsWith('.google.protobuf.')) {
      const obj = value as Record<string, unknown>;
      obj[key] = Array.isArray(item) && field.repeated ? item.map((v, i) => wellKnown(resolved, v, join(at, i))) : wellKnown(resolved, item, at);
      continue;
    }
    if (field instanceof protobuf.MapField) {
      if (typeof item !== 'object' || Array.isArray(item)) throw new SchemaMismatch(at, 'expected an object (a map)');
      for (const [k, v] of Object.entries(item)) checkScalar(field, v, join(at, k));
    } else if (field.repeated) {
      if (!Array.isArray(item)) throw new SchemaMismatch(at, 'expected an array');
      item.forEach((v, i) => checkScalar(field, v, join(at, i)));
    } else {
      checkScalar(field, item, at);
    }
  }
}

/** The Protobuf payload with its message indexes ([0]: one zero byte), without the 5-byte header. */
export async function encodeProtobuf(schema: RegisteredSchema, value: unknown, registry: RegistryReads, messageType?: string): Promise<{ indexes: Buffer; payload: Buffer }> {
  const imports = await importsOf(registry, schema.references, {});
  const { type, indexes } = messageOf(compileProtobuf(schema.schema, imports), messageType);
  // Checked and converted on a copy: the caller's parsed JSON stays as it was.
  const copy = structuredClone(value);
  checkMessage(type, copy, '');
  const message = type.fromObject(copy as Record<string, unknown>);
  return { indexes: messageIndexesBytes(indexes), payload: Buffer.from(type.encode(message).finish()) };
}

/** A `messageType` the .proto does not define (NOT_FOUND, as an unknown subject or version is). */
export class UnknownMessageType extends Error {
  override name = 'UnknownMessageType';
}

/**
 * The message a produce or skeleton names (full name, with or without the leading dot), else the
 * file's first; a name the file does not define is UnknownMessageType, listing the ones it does.
 */
export function messageOf(file: ProtobufDecoder, messageType: string | undefined): { type: protobuf.Type; indexes: number[]; name: string } {
  const types = file.messageTypes();
  const wanted = messageType?.replace(/^\./, '');
  const found = wanted === undefined ? types[0] : types.find((t) => t.name === wanted);
  if (!found) throw new UnknownMessageType(`has no message type ${wanted}; it has ${types.map((t) => t.name).join(', ')}`);
  return { type: file.typeAt(found.indexes), indexes: found.indexes, name: found.name };
}

/** A JSON skeleton of a message (default: the file's first): every field, placeholders by type. */
export function protobufSkeletonOf(source: string, imports: Record<string, string> = {}, messageType?: string): { skeleton: unknown; messageType: string } {
  const { type, name } = messageOf(compileProtobuf(source, imports), messageType);
  return { skeleton: skeleton(type, 0), messageType: name };
}

function skeleton(type: protobuf.Type, depth: number): unknown {
  if (depth > 6) return null;
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    field.resolve();
    const one = (): unknown => {
      const resolved = field.resolvedType;
      if (resolved instanceof protobuf.Enum) return Object.keys(resolved.values)[0] ?? '';
      if (resolved instanceof protobuf.Type) return resolved.fullName === '.google.protobuf.Timestamp' ? '1970-01-01T00:00:00Z' : skeleton(resolved, depth + 1);
      if (field.type === 'string' || field.type === 'bytes') return '';
      if (field.type === 'bool') return false;
      return INT64.has(field.type) ? '0' : 0;
    };
    out[field.name] = field instanceof protobuf.MapField ? {} : field.repeated ? [one()] : one();
  }
  return out;
}
