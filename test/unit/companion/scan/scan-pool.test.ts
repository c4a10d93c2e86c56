import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RECORD_CAPS } from '../../../../companion/src/kafka/gateway';
import type { ScanJob } from '../../../../companion/src/scan/scan-job';
import { ScanFailure, ScanPool } from '../../../../companion/src/scan/scan-pool';
import { jsonText } from '../../../../companion/src/session/encoded-record';
import { encodeBatch } from '../kafka/batch-builder';

const FAKE = new URL('./fake-scan-worker.mjs', import.meta.url);

const job = (streamId: string, filter?: ScanJob['filter']): ScanJob => ({
  streamId,
  topic: 't',
  filter,
  decoderSettings: undefined,
  caps: DEFAULT_RECORD_CAPS,
  maxValueBytes: 1000,
  remaining: null,
  parts: [
    {
      fetchOffset: '0',
      data: {
        partition: 0,
        errorCode: 0,
        highWatermark: '3',
        lastStableOffset: '3',
        abortedTransactions: [],
        records: encodeBatch({ baseOffset: 0, records: [{ value: '{"n":1}' }, { value: 'needle here' }, { value: 'other' }] }),
      },
    },
  ],
});

let pool: ScanPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('scan pool', () => {
  it('decodes, filters and encodes a batch in a real worker', async () => {
    pool = new ScanPool(1);
    const result = await pool.run(job('a', { text: 'needle' }), 30_000);
    expect(result).toMatchObject({ scanned: 3, matched: 1, positions: { 0: '3' }, limitReached: false, unreadable: [] });
    expect(result.records[0]).toMatchObject({ partition: 0, offset: '1' });
    expect(JSON.parse(jsonText(result.records[0]!))).toMatchObject({ offset: '1', value: { encoding: 'text', text: 'needle here' } });
  }, 40_000);

  it('stops at the limit and says where', async () => {
    pool = new ScanPool(1);
    const result = await pool.run({ ...job('b'), remaining: 2 }, 30_000);
    expect(result).toMatchObject({ scanned: 2, matched: 2, positions: { 0: '2' }, limitReached: true });
  }, 40_000);

  it('ends a worker whose job runs past its deadline; the next job gets a fresh worker', async () => {
    pool = new ScanPool(1, FAKE);
    const hung = pool.run(job('hang'), 300);
    const next = pool.run(job('fine'), 5_000);
    await expect(hung).rejects.toMatchObject({ name: 'ScanFailure', reason: 'deadline' });
    await expect(next).resolves.toMatchObject({ scanned: 1 });
  });

  it('fails only the job of a worker that dies', async () => {
    pool = new ScanPool(2, FAKE);
    const crashed = pool.run(job('crash'), 5_000);
    const other = pool.run(job('other'), 5_000);
    await expect(crashed).rejects.toBeInstanceOf(ScanFailure);
    await expect(crashed).rejects.toMatchObject({ reason: 'crash' });
    await expect(other).resolves.toMatchObject({ scanned: 1 });
    await expect(pool.run(job('after'), 5_000)).resolves.toMatchObject({ scanned: 1 });
  });

  it('copies only the bytes of each part, leaving the caller its buffer', async () => {
    pool = new ScanPool(1, FAKE);
    const j = job('copy');
    const original = j.parts[0]!.data.records;
    await pool.run(j, 5_000);
    expect(original.length).toBeGreaterThan(0);
  });
});

describe('the scan worker code', () => {
  it('is bundled into one script, so workers start without the TypeScript loader', async () => {
    const { scanWorkerCode } = await import('../../../../companion/src/scan/worker-code');
    const code = await scanWorkerCode();
    expect(code).toEqual(expect.stringContaining('parentPort'));
    // A script with no import statements runs in an `eval` worker: every module is inside it.
    expect(code).not.toMatch(/^import /m);
  });
});
