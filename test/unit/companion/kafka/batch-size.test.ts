import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { batchBytes } from '../../../../companion/src/kafka/batch-size';
import type { RawOutgoingRecord } from '../../../../companion/src/kafka/gateway';

// KafkaJS's own encoders (CommonJS internals), to check the arithmetic against real bytes.
const require = createRequire(import.meta.url);
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as { RecordBatch: (options: object) => Promise<{ buffer: Buffer }> };
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (options: object) => unknown;

async function encodedBytes(records: RawOutgoingRecord[], now: number): Promise<number> {
  const times = records.map((r) => Number(r.timestamp ?? now));
  const encoded = records.map((r, i) =>
    Record({ offsetDelta: i, timestampDelta: times[i]! - times[0]!, key: r.key, value: r.value, headers: Object.fromEntries(r.headers.map((h) => [h.key, h.value])) }),
  );
  const batch = await RecordBatch({ firstTimestamp: times[0], maxTimestamp: Math.max(...times), lastOffsetDelta: records.length - 1, records: encoded });
  // baseOffset, length and the batch: what the broker measures against max.message.bytes.
  return batch.buffer.length;
}

describe('batchBytes (record batch v2, uncompressed)', () => {
  const now = 1_795_500_000_000;
  it.each([
    ['one small text record', [{ key: null, value: Buffer.from('hello'), headers: [] }]],
    ['a tombstone with a key', [{ key: Buffer.from('k'), value: null, headers: [] }]],
    // (A null header value is refused before sizing: KafkaJS 2.2.4 cannot encode one.)
    ['headers', [{ key: Buffer.from('key'), value: Buffer.from('v'), headers: [{ key: 'trace', value: Buffer.from('abc') }, { key: 'é', value: Buffer.alloc(0) }] }]],
    ['a 1 MiB value', [{ key: null, value: Buffer.alloc(1024 * 1024), headers: [] }]],
    ['200 records with client timestamps far apart', Array.from({ length: 200 }, (_, i) => ({ key: Buffer.from(`k${i}`), value: Buffer.alloc(i * 7), headers: [], timestamp: String(now - i * 86_400_000) }))],
  ] as Array<[string, RawOutgoingRecord[]]>)('%s: as many bytes as KafkaJS encodes', async (_name, records) => {
    expect(batchBytes(records, now)).toBe(await encodedBytes(records, now));
  });

  it('a value of exactly 1 MiB is over Kafka default max.message.bytes (1 MiB + 12)', () => {
    expect(batchBytes([{ key: null, value: Buffer.alloc(1024 * 1024), headers: [] }])).toBeGreaterThan(1_048_588);
  });
});
