/**
 * Makes a decoded value JSON-safe and lossless, in place where it can: bigints become decimal
 * strings (never rounded), bytes base64, Maps objects (keys as strings), Dates ISO strings, and
 * non-finite numbers the strings "NaN", "Infinity", "-Infinity" (JSON.stringify would make them null).
 */
export function jsonSafe(value: unknown): unknown {
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'object':
      break;
    case 'undefined':
      return null;
    default:
      return value;
  }
  if (value === null) return null;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = jsonSafe(value[i]);
    return value;
  }
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[typeof k === 'string' ? k : JSON.stringify(jsonSafe(k))] = jsonSafe(v);
    return out;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = jsonSafe(record[key]);
  return record;
}
