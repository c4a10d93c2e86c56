import { type ServerMessage, ServerMessageSchema, type WireRecord } from '@kafka-inspector/shared';
import { describe, expect, it } from 'vitest';
import { encodeRecord, recordsFrameText } from '../../../../companion/src/session/encoded-record';

const record = (offset: string, text: string): WireRecord => ({
  topic: 'orders',
  partition: 2,
  offset,
  timestamp: '1795503945556',
  timestampType: 'CreateTime',
  key: { encoding: 'text', text: 'k"\u2028', size: 6 },
  value: { encoding: 'json', text, size: Buffer.byteLength(text) },
  headers: [{ key: 'h', value: null }],
  size: 7 + Buffer.byteLength(text),
});

describe('encoded records', () => {
  it('splice into the same frame text JSON.stringify gives for the frame object', () => {
    const records = [record('7', '{"a":"\\u0000 é"}'), record('8', '[1,2]')];
    const frame: ServerMessage = { type: 'records', streamId: 's"1', records };
    const text = recordsFrameText('s"1', records.map(encodeRecord));
    expect(text).toBe(JSON.stringify(frame));
    expect(ServerMessageSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('keep the partition and offset beside the JSON', () => {
    expect(encodeRecord(record('9', '{}'))).toMatchObject({ partition: 2, offset: '9' });
  });

  it('make an empty records frame for no records', () => {
    expect(JSON.parse(recordsFrameText('s1', []))).toEqual({ type: 'records', streamId: 's1', records: [] });
  });
});
