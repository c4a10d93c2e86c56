import { type ServerMessage, ServerMessageSchema, type WireRecord } from '@kafka-inspector/shared';
import { describe, expect, it } from 'vitest';
import { EncodedRecords, encodeRecord, jsonText, recordsFrame, transferOf } from '../../../../companion/src/session/encoded-record';

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

const frameText = (streamId: string, records: Parameters<typeof recordsFrame>[1]) => recordsFrame(streamId, records).toString('utf8');

describe('encoded records', () => {
  it('splice into the same frame JSON.stringify gives for the frame object', () => {
    const records = [record('7', '{"a":"\\u0000 é"}'), record('8', '[1,2]')];
    const frame: ServerMessage = { type: 'records', streamId: 's"1', records };
    const text = frameText('s"1', records.map(encodeRecord));
    expect(text).toBe(JSON.stringify(frame));
    expect(ServerMessageSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('keep the partition and offset beside the JSON', () => {
    expect(encodeRecord(record('9', '{}'))).toMatchObject({ partition: 2, offset: '9' });
  });

  it('make an empty records frame for no records', () => {
    expect(JSON.parse(frameText('s1', []))).toEqual({ type: 'records', streamId: 's1', records: [] });
  });

  it('gathered and taken, are views into one buffer of their own, each the JSON of its record', () => {
    const out = new EncodedRecords();
    // Past the first buffer's 64 KiB, and characters of 1 to 4 UTF-8 bytes.
    const wires = Array.from({ length: 300 }, (_, i) => record(String(i), JSON.stringify({ i, text: `é€😀${'x'.repeat(1500)}` })));
    for (const wire of wires) out.push(wire);
    expect(out.length).toBe(300);
    const taken = out.take();
    expect(out.length).toBe(0);
    expect(taken.map(jsonText)).toEqual(wires.map((wire) => JSON.stringify(wire)));
    expect(taken.map((r) => r.offset)).toEqual(wires.map((wire) => wire.offset));
    expect(new Set(taken.map((r) => r.json.buffer)).size).toBe(1);
    expect(transferOf(taken)).toEqual([taken[0]!.json.buffer]);
    expect(frameText('s', taken)).toBe(JSON.stringify({ type: 'records', streamId: 's', records: wires }));
    // Taken again, a second batch does not share the first one's buffer (that one has moved away).
    out.push(wires[0]!);
    expect(out.take()[0]!.json.buffer).not.toBe(taken[0]!.json.buffer);
    expect(transferOf([])).toEqual([]);
  });

  it('cleared, hold nothing from before', () => {
    const out = new EncodedRecords();
    out.push(record('1', '{}'));
    out.clear();
    out.push(record('2', '[]'));
    expect(out.take().map((r) => JSON.parse(jsonText(r)).offset)).toEqual(['2']);
  });
});
