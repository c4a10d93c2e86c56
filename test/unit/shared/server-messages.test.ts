import { ServerMessageSchema, type WireRecord } from '@kafka-inspector/shared';
import { describe, expect, it } from 'vitest';

const record: WireRecord = {
  topic: 'orders', partition: 0, offset: '1', timestamp: '1795503945556',
  key: { encoding: 'text', text: 'k', size: 1 }, value: { encoding: 'json', text: '{}', size: 2 }, headers: [{ key: 'h', value: null }], size: 4,
};
const accepts = (frame: unknown) => ServerMessageSchema.safeParse(frame).success;

describe('server frame schemas', () => {
  it.each([
    { type: 'result', id: '1', ok: true, request: 'ping', result: { time: '1' } },
    { type: 'result', id: '1', ok: true, request: 'tailStop', result: { streamId: 's1' } },
    { type: 'error', id: null, ok: false, error: { code: 'BAD_FRAME', message: 'x' } },
    { type: 'records', streamId: 's1', records: [record] },
    { type: 'status', streamId: 's1', status: 'caught-up' },
    { type: 'stats', streamId: 's1', scanned: 1, matched: 1, sent: 1, positions: { '0': '2' }, highWatermarks: { '0': '2' } },
  ])('accepts %j', (frame) => {
    expect(accepts(frame)).toBe(true);
  });

  it.each([
    ['a result whose shape does not match its request', { type: 'result', id: '1', ok: true, request: 'ping', result: { streamId: 's1' } }],
    ['a result for an unknown request', { type: 'result', id: '1', ok: true, request: 'nope', result: {} }],
    ['an error with an unknown code', { type: 'error', id: '1', ok: false, error: { code: 'OOPS', message: 'x' } }],
    ['a failed result', { type: 'result', id: '1', ok: false, request: 'ping', result: { time: '1' } }],
    ['a record with a numeric offset', { type: 'records', streamId: 's1', records: [{ ...record, offset: 1 }] }],
    ['a record with an unknown encoding', { type: 'records', streamId: 's1', records: [{ ...record, value: { encoding: 'hex', text: '00', size: 1 } }] }],
    ['an unknown status', { type: 'status', streamId: 's1', status: 'sleeping' }],
    ['stats with a non-numeric partition key', { type: 'stats', streamId: 's1', scanned: 1, matched: 1, sent: 1, positions: { p0: '2' }, highWatermarks: {} }],
  ])('rejects %s', (_name, frame) => {
    expect(accepts(frame)).toBe(false);
  });
});
