/**
 * A JSON document shaped like a schema, for a person to fill in before producing: every field
 * present, each with its default when the schema has one, else a plain placeholder of its type.
 * Pure functions over the registered schema text; recursive types stop at a depth (null there).
 */
const MAX_DEPTH = 8;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type AvroSchema = string | AvroSchema[] | { type: AvroSchema; [key: string]: unknown };

const AVRO_PRIMITIVE: Record<string, Json> = { null: null, boolean: false, int: 0, long: 0, float: 0, double: 0, bytes: '', string: '' };

/** Avro: records as objects, unions as their first non-null branch (unwrapped, as the serializer takes them). */
export function avroSkeleton(schema: unknown): Json {
  const named = new Map<string, AvroSchema>();
  return avro(schema as AvroSchema, named, undefined, 0);
}

function avro(schema: AvroSchema, named: Map<string, AvroSchema>, namespace: string | undefined, depth: number): Json {
  if (depth > MAX_DEPTH) return null;
  if (typeof schema === 'string') {
    if (schema in AVRO_PRIMITIVE) return AVRO_PRIMITIVE[schema]!;
    const ref = named.get(schema) ?? (namespace ? named.get(`${namespace}.${schema}`) : undefined);
    return ref === undefined ? null : avro(ref, named, namespace, depth + 1);
  }
  if (Array.isArray(schema)) {
    const branch = schema.find((s) => s !== 'null') ?? 'null';
    return avro(branch, named, namespace, depth);
  }
  const { type } = schema;
  const name = typeof schema.name === 'string' ? schema.name : undefined;
  const ns = typeof schema.namespace === 'string' ? schema.namespace : name?.includes('.') ? name.slice(0, name.lastIndexOf('.')) : namespace;
  if (name) {
    named.set(name, schema);
    named.set(name.includes('.') || !ns ? name : `${ns}.${name}`, schema);
  }
  switch (type) {
    case 'record':
    case 'error': {
      const out: Record<string, Json> = {};
      for (const field of (schema.fields as Array<{ name: string; type: AvroSchema; default?: Json }>) ?? []) {
        out[field.name] = 'default' in field ? (field.default as Json) : avro(field.type, named, ns, depth + 1);
      }
      return out;
    }
    case 'enum':
      return (schema.default as string | undefined) ?? (schema.symbols as string[] | undefined)?.[0] ?? '';
    case 'array':
      return [avro(schema.items as AvroSchema, named, ns, depth + 1)];
    case 'map':
      return { key: avro(schema.values as AvroSchema, named, ns, depth + 1) };
    case 'fixed':
      return '';
    default:
      // A primitive written as an object, maybe with a logical type (timestamp-millis is a long, uuid a string...).
      return avro(type, named, ns, depth);
  }
}

type JsonSchema = boolean | { [key: string]: unknown };

const FORMAT_EXAMPLE: Record<string, string> = {
  'date-time': '1970-01-01T00:00:00Z',
  date: '1970-01-01',
  time: '00:00:00Z',
  uuid: '00000000-0000-0000-0000-000000000000',
  email: 'user@example.com',
  uri: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '127.0.0.1',
};

/** JSON Schema: every property, `default`/`const`/`examples`/`enum` first, local `$ref`s followed, the first of `oneOf`/`anyOf`. */
export function jsonSchemaSkeleton(schema: unknown): Json {
  return jsonSchema(schema as JsonSchema, schema as JsonSchema, 0);
}

function jsonSchema(schema: JsonSchema, root: JsonSchema, depth: number): Json {
  if (depth > MAX_DEPTH || typeof schema !== 'object' || schema === null) return null;
  if ('default' in schema) return schema.default as Json;
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0] as Json;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] as Json;
  if (typeof schema.$ref === 'string') return jsonSchema(resolvePointer(root, schema.$ref), root, depth + 1);
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((s) => jsonSchema(s as JsonSchema, root, depth + 1));
    if (parts.every((p) => p !== null && typeof p === 'object' && !Array.isArray(p))) return Object.assign({}, ...parts) as Json;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const first = options.find((o) => !(typeof o === 'object' && o !== null && (o as { type?: unknown }).type === 'null')) ?? options[0];
      return jsonSchema(first as JsonSchema, root, depth + 1);
    }
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  const type = types.find((t) => t !== 'null') ?? types[0] ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [name, property] of Object.entries((schema.properties as Record<string, JsonSchema>) ?? {})) out[name] = jsonSchema(property, root, depth + 1);
      return out;
    }
    case 'array':
      return schema.items === undefined ? [] : [jsonSchema(schema.items as JsonSchema, root, depth + 1)];
    case 'string':
      return FORMAT_EXAMPLE[schema.format as string] ?? 'x'.repeat(typeof schema.minLength === 'number' ? Math.min(schema.minLength, 64) : 0);
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? Math.floor(schema.exclusiveMinimum) + 1 : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** A local JSON pointer (`#/definitions/Address`, `#/$defs/x`); anything else resolves to nothing. */
function resolvePointer(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#')) return false;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return (node ?? false) as JsonSchema;
}
