import avro from 'avsc';
import { jsonSafe } from '../codec/json-safe';

/**
 * Avro decoding with the writer's schema (the one the record names), rendered readably and without
 * loss: longs as decimal strings (never rounded), decimals as decimal strings, timestamps, dates and
 * times as ISO-8601 text, bytes and fixed as base64, unions unwrapped where the branch is plain from
 * the value (`["null", "Customer"]` gives the customer or null) and `{ "branch": value }` otherwise,
 * as Avro's JSON encoding writes them. These types decode only: never encode with them.
 */
export interface AvroDecoder {
  /** The schema's full name (records, enums, fixed) or its type (`string`, ...). */
  name: string;
  decode(payload: Buffer): unknown;
}

/** Longs straight to decimal strings: the 8 little-endian bytes avsc unpacks them into. */
const StringLong = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => {
    const high = buf.readInt32LE(4);
    const low = buf.readUInt32LE(0);
    // Within ±2^53 a double holds it exactly and this is far cheaper than a BigInt.
    if (high >= -0x200000 && high < 0x200000) return String(high * 0x1_0000_0000 + low);
    return buf.readBigInt64LE(0).toString();
  },
  toBuffer: (value: string) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(value));
    return buf;
  },
  fromJSON: (value: unknown) => String(value),
  toJSON: (value: string) => value,
  isValid: (value: unknown) => typeof value === 'string' && /^-?\d+$/.test(value),
  compare: (a: string, b: string) => {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  },
});

abstract class ReadOnlyLogical extends avro.types.LogicalType {
  protected override _toValue(value: unknown): unknown {
    return value;
  }
  protected override _resolve(type: avro.Type): unknown {
    return type.typeName === this.underlyingType.typeName ? (value: unknown) => value : undefined;
  }
}

class DecimalType extends ReadOnlyLogical {
  private readonly scale: number;
  constructor(schema: avro.Schema, opts?: unknown) {
    super(schema, opts);
    this.scale = Number((schema as { scale?: number }).scale ?? 0);
  }
  protected override _fromValue(bytes: Buffer): string {
    return formatDecimal(bytes, this.scale);
  }
}

class TimestampMillis extends ReadOnlyLogical {
  protected override _fromValue(value: string): string {
    return isoMillis(Number(value), true);
  }
}

class TimestampMicros extends ReadOnlyLogical {
  protected override _fromValue(value: string): string {
    return isoMicros(BigInt(value), true);
  }
}

class LocalTimestampMillis extends ReadOnlyLogical {
  protected override _fromValue(value: string): string {
    return isoMillis(Number(value), false);
  }
}

class LocalTimestampMicros extends ReadOnlyLogical {
  protected override _fromValue(value: string): string {
    return isoMicros(BigInt(value), false);
  }
}

class DateType extends ReadOnlyLogical {
  protected override _fromValue(days: number): string {
    return new Date(days * 86_400_000).toISOString().slice(0, 10);
  }
}

class TimeMillis extends ReadOnlyLogical {
  protected override _fromValue(ms: number): string {
    return new Date(ms).toISOString().slice(11, 23);
  }
}

class TimeMicros extends ReadOnlyLogical {
  protected override _fromValue(value: string): string {
    const micros = BigInt(value);
    return `${new Date(Number(micros / 1000n)).toISOString().slice(11, 19)}.${String(micros % 1_000_000n).padStart(6, '0')}`;
  }
}

const LOGICAL_TYPES = {
  decimal: DecimalType,
  'timestamp-millis': TimestampMillis,
  'timestamp-micros': TimestampMicros,
  'local-timestamp-millis': LocalTimestampMillis,
  'local-timestamp-micros': LocalTimestampMicros,
  date: DateType,
  'time-millis': TimeMillis,
  'time-micros': TimeMicros,
};

/**
 * Compiles a writer schema (JSON text). `references` are the texts of schemas it names (Confluent
 * schema references), parsed first so their named types resolve. Throws on a schema avsc refuses.
 */
export function compileAvro(schema: string, references: string[] = []): AvroDecoder {
  const registry: Record<string, avro.Type> = { long: StringLong };
  const opts = { registry, logicalTypes: LOGICAL_TYPES, wrapUnions: 'auto' as const, omitRecordMethods: true, typeHook: longsAsStrings() };
  for (const reference of references) avro.Type.forSchema(JSON.parse(reference) as avro.Schema, opts);
  const type = avro.Type.forSchema(JSON.parse(schema) as avro.Schema, opts);
  plainRecords(Object.values(registry).concat(type));
  // Only bytes and fixed (and non-finite floats, rare) need the walk; most schemas skip it.
  const needsWalk = /"(bytes|fixed|float|double)"/.test(schema) || references.length > 0;
  return {
    name: type.name ?? type.typeName,
    decode: (payload) => {
      const value: unknown = type.fromBuffer(payload);
      return needsWalk ? jsonSafe(value) : value;
    },
  };
}

/**
 * The registry's `long` only covers the name written as a string; `{ "type": "long" }` objects
 * (with or without a logical type) are built apart, so a hook swaps in our long. avsc calls the hook
 * twice for a logical type: first for the logical type itself (left to avsc), then for its
 * underlying type (ours).
 */
function longsAsStrings(): (schema: avro.Schema) => avro.Type | undefined {
  const logicalSeen = new WeakSet<object>();
  return (schema) => {
    if (typeof schema !== 'object' || schema === null || (schema as { type?: unknown }).type !== 'long') return undefined;
    const logical = (schema as { logicalType?: unknown }).logicalType;
    if (typeof logical === 'string' && logical in LOGICAL_TYPES && !logicalSeen.has(schema)) {
      logicalSeen.add(schema);
      return undefined;
    }
    return StringLong;
  };
}

/**
 * avsc reads records into instances of a class per record type; filters (cel-js) treat only plain
 * objects (constructor Object) as maps, so each record class says it is one. JSON is unaffected.
 */
function plainRecords(types: avro.Type[]): void {
  for (const type of types) {
    if (type.typeName === 'record' || type.typeName === 'error') {
      (type as unknown as { recordConstructor: { prototype: { constructor: unknown } } }).recordConstructor.prototype.constructor = Object;
    }
  }
}

/** Two's-complement big-endian bytes scaled by 10^-scale, as a decimal string. */
export function formatDecimal(bytes: Buffer, scale: number): string {
  if (bytes.length === 0) return '0';
  let n = BigInt(`0x${bytes.toString('hex')}`);
  if ((bytes[0] as number) & 0x80) n -= 1n << BigInt(bytes.length * 8);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString();
  if (scale <= 0) return (negative ? '-' : '') + digits + '0'.repeat(-scale);
  const padded = digits.padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

function isoMillis(ms: number, utc: boolean): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(ms);
  const iso = date.toISOString();
  return utc ? iso : iso.slice(0, -1);
}

function isoMicros(micros: bigint, utc: boolean): string {
  const ms = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
  const date = new Date(Number(ms));
  if (Number.isNaN(date.getTime())) return micros.toString();
  const sub = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  return `${date.toISOString().slice(0, 19)}.${String(sub).padStart(6, '0')}${utc ? 'Z' : ''}`;
}
