import { describe, expect, it } from 'vitest';
import { createTestTopic } from '../helpers/broker';
import { usePairedCompanion } from '../helpers/companion';

describe('CEL filters that are invalid, huge or slow', () => {
  const paired = usePairedCompanion();

  it('an expression over the size limit is refused by schema (BAD_FRAME), an invalid one with INVALID_FILTER', async () => {
    const { client } = paired;
    const topic = await createTestTopic(1);
    expect(await client.fails({ type: 'tailStart', topic, start: { from: 'latest' }, filter: { cel: `${'true && '.repeat(600)}true` } })).toMatchObject({ code: 'BAD_FRAME' });
    expect(await client.fails({ type: 'tailStart', topic, start: { from: 'latest' }, filter: { cel: 'value.name.matches("(a)\\\\1")' } })).toMatchObject({ code: 'INVALID_FILTER' });
    expect(await client.fails({ type: 'tailStart', topic, start: { from: 'latest' }, filter: { cel: 'value.count + ' } })).toMatchObject({ code: 'INVALID_FILTER' });
    expect(await client.fails({ type: 'tailStart', topic, start: { from: 'latest' }, filter: { cel: 'partition' } })).toMatchObject({ code: 'INVALID_FILTER' });
  });

  it('a filter too slow on every record ends its own stream with INVALID_FILTER; another stream keeps flowing', async () => {
    const { client } = paired;
    const slowTopic = await createTestTopic(1);
    const busyTopic = await createTestTopic(1);
    // 200 x 200 steps (under the 50,000-step cost limit), each an `in` that scans 600 numbers in
    // vain: 40M comparisons, several times 100 ms of CPU, on every record. Judged on CPU time
    // averaged over 5 records, so one GC pause never ends a healthy tail.
    const numbers = (length: number) => Array.from({ length }, (_, i) => i);
    const big = JSON.stringify({ a: numbers(200), b: numbers(600) });
    await client.ok({ type: 'produce', topic: slowTopic, records: Array.from({ length: 8 }, () => ({ value: { encoding: 'json' as const, text: big } })) });
    const busy = await client.ok({ type: 'tailStart', topic: busyTopic, start: { from: 'latest' } });
    const slow = await client.ok({ type: 'tailStart', topic: slowTopic, start: { from: 'earliest' }, filter: { cel: 'value.a.all(x, value.a.all(y, !((y + 0.5) in value.b)))' } });
    const error = await client.waitForStatus(slow.streamId, 'error');
    expect(error.error).toMatchObject({ code: 'INVALID_FILTER', message: expect.stringMatching(/ms of CPU per record over the last \d+ records \(limit 100 ms\)/) });
    await client.waitForStatus(slow.streamId, 'ended');
    await client.ok({ type: 'produce', topic: busyTopic, records: [{ value: { encoding: 'text', text: 'still here' } }] });
    const [record] = await client.waitForRecords(busy.streamId, 1);
    expect(record!.value).toMatchObject({ text: 'still here' });
  });
});
