import type { RawRecord } from '../../../../companion/src/kafka/gateway';

/** A raw record as the gateway hands it over; strings become UTF-8 buffers. */
export function fakeRecord(
  overrides: Partial<Omit<RawRecord, 'key' | 'value' | 'headers'>> & {
    key?: string | Buffer | null;
    value?: string | Buffer | null;
    headers?: Record<string, string | Buffer | null> | Array<[string, string | Buffer | null]>;
  } = {},
): RawRecord {
  const bytes = (data: string | Buffer | null | undefined) =>
    data === null || data === undefined ? null : Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  const headers = Array.isArray(overrides.headers) ? overrides.headers : Object.entries(overrides.headers ?? {});
  return {
    topic: overrides.topic ?? 'orders',
    partition: overrides.partition ?? 0,
    offset: overrides.offset ?? '0',
    timestamp: overrides.timestamp ?? '1700000000000',
    ...(overrides.timestampType ? { timestampType: overrides.timestampType } : {}),
    key: bytes(overrides.key === undefined ? 'key-1' : overrides.key),
    value: bytes(overrides.value === undefined ? 'value-1' : overrides.value),
    headers: headers.map(([key, value]) => ({ key, value: bytes(value) })),
  };
}
