import avro from 'avsc';
import { SchemaMismatch } from './schema-encode';

/**
 * Avro encoding from JSON as the decoded form shows it (schema/avro.ts), so a tailed record can be
 * edited and sent back: longs as numbers or decimal strings (never through a double past 2^53),
 * bytes and fixed as base64, timestamps as ISO-8601 text or numbers, dates as YYYY-MM-DD, decimals
 * as decimal strings, unions unwrapped when the branch is plain from the value, else
 * `{ "branch": value }`. avsc validates (with the failing field's path) and writes the bytes.
 */

/** Longs as BigInt on the way out: accepts a safe integer number or a decimal string. */
const BigLong = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(0).toString(),
  toBuffer: (value: number | string) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(value));
    return buf;
  },
  fromJSON: (value: unknown) => value,
  toJSON: (value: unknown) => value,
  isValid: (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && /^-?\d{1,19}$/.test(value) && BigInt(value) >= -(2n ** 63n) && BigInt(value) < 2n ** 63n),
  compare: (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0),
});

/** A logical type that only encodes: `toUnderlying` turns the JSON form into the underlying value, or undefined when it cannot. */
function encodeOnly(toUnderlying: (value: unknown, schema: Record<string, unknown>) => unknown) {
  return class extends avro.types.LogicalType {
    private readonly attrs: Record<string, unknown>;
    constructor(schema: avro.Schema, opts?: unknown) {
      super(schema, opts);
      this.attrs = schema as unknown as Record<string, unknown>;
    }
    protected override _fromValue(value: unknown): unknown {
      return value;
    }
    protected override _toValue(value: unknown): unknown {
      return toUnderlying(value, this.attrs);
    }
  };
}

const isoOrNumber = (scale: number) =>
  encodeOnly((value) => {
    if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value))) return value;
    if (typeof value !== 'string') return undefined;
    const ms = Date.parse(value.endsWith('Z') || /[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
    if (Number.isNaN(ms)) return undefined;
    // Micros: the digits past the millisecond survive (2024-01-01T00:00:00.123456Z).
    const micros = /\.\d{3}(\d{1,3})/.exec(value)?.[1]?.padEnd(3, '0') ?? '000';
    return scale === 1000 ? String(BigInt(ms) * 1000n + BigInt(micros)) : ms;
  });

const LOGICAL_TYPES = {
  'timestamp-millis': isoOrNumber(1),
  'local-timestamp-millis': isoOrNumber(1),
  'timestamp-micros': isoOrNumber(1000),
  'local-timestamp-micros': isoOrNumber(1000),
  date: encodeOnly((value) => (typeof value === 'number' ? value : typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) ? Date.parse(`${value}T00:00:00Z`) / 86_400_000 : undefined)),
  decimal: encodeOnly((value, schema) => {
    const scale = Number(schema.scale ?? 0);
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !/^-?\d+(\.\d+)?$/.test(text)) return undefined;
    const [whole, fraction = ''] = text.replace('-', '').split('.');
    if (fraction.length > scale) return undefined;
    let unscaled = BigInt(whole! + fraction.padEnd(scale, '0'));
    if (text.startsWith('-')) unscaled = -unscaled;
    return twosComplement(unscaled, schema.type === 'fixed' ? Number(schema.size) : undefined);
  }),
};

function twosComplement(value: bigint, size?: number): Buffer {
  let bytes = 1;
  while (value >= 2n ** BigInt(8 * bytes - 1) || value < -(2n ** BigInt(8 * bytes - 1))) bytes++;
  const length = size ?? bytes;
  const buf = Buffer.alloc(length);
  let v = BigInt.asUintN(8 * length, value);
  for (let i = length - 1; i >= 0; i--) {
    buf[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return buf;
}

/** base64 text to Buffer for bytes and fixed, anywhere in the value; the rest is left as is. */
function withBuffers(type: avro.Type, value: unknown): unknown {
  switch (type.typeName) {
    case 'bytes':
    case 'fixed':
      return typeof value === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? Buffer.from(value, 'base64') : value;
    case 'record':
    case 'error': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const field of (type as avro.types.RecordType).fields) if (field.name in out) out[field.name] = withBuffers(field.type, out[field.name]);
      return out;
    }
    case 'array':
      return Array.isArray(value) ? value.map((v) => withBuffers((type as avro.types.ArrayType).itemsType, v)) : value;
    case 'map':
      return typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withBuffers((type as avro.types.MapType).valuesType, v)])) : value;
    case 'union:unwrapped':
      for (const branch of (type as avro.types.UnwrappedUnionType).types) {
        const candidate = withBuffers(branch, value);
        if (branch.isValid(candidate)) return candidate;
      }
      return value;
    case 'union:wrapped': {
      if (typeof value !== 'object' || value === null) return value;
      const [name, inner] = Object.entries(value)[0] ?? [];
      const branch = (type as avro.types.WrappedUnionType).types.find((t) => (t.name ?? t.branchName) === name || t.branchName === name);
      return branch && name !== undefined ? { [name]: withBuffers(branch, inner) } : value;
    }
    default:
      return type.typeName.startsWith('logical:') ? withBuffers((type as avro.types.LogicalType).underlyingType, value) : value;
  }
}

/** `lines[0].sku` from avsc's path segments (array indexes come as digit strings). */
const pathText = (segments: string[]) => segments.reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');

const describe = (value: unknown) => (value === undefined ? 'nothing (the field is missing)' : JSON.stringify(value)?.slice(0, 80));

/** The Avro payload (without the wire-format header) of `value`, or SchemaMismatch with the first failing field. */
export function encodeAvro(schema: string, value: unknown): Buffer {
  const type = avro.Type.forSchema(JSON.parse(schema) as avro.Schema, { registry: { long: BigLong }, logicalTypes: LOGICAL_TYPES, wrapUnions: 'auto' });
  const prepared = withBuffers(type, value);
  let first: { path: string; any: unknown; type: avro.Type } | null = null;
  const valid = type.isValid(prepared, {
    errorHook: (path: string[], any: unknown, failing: avro.Type) => {
      first ??= { path: pathText(path), any, type: failing };
    },
  });
  if (!valid) {
    const found = first as { path: string; any: unknown; type: avro.Type } | null;
    const expected = found ? (found.type.name ?? found.type.typeName).replace(/^(logical|abstract):/, '') : type.typeName;
    throw new SchemaMismatch(found?.path ?? '', `expected ${expected}, got ${describe(found?.any)}`);
  }
  return type.toBuffer(prepared);
}
