import { describe, expect, it } from 'vitest';
import { CLUSTER_SCOPED, scopeToCluster } from '../../../extension/src/bridge/cluster-scope';
import { exportRecords } from '../../../extension/src/store/export-records';
import { kcatProduceCommand } from '../../../extension/src/store/kcat-command';
import { olderRequests, withOlderRecords } from '../../../extension/src/store/older-records';
import { formToRecords } from '../../../extension/src/store/produce-slice';
import { emptyHeld } from '../../../extension/src/store/record-buffer';
import { parseRecordLink, recordLink } from '../../../extension/src/store/record-link';
import { plainRecord } from '../../../extension/src/store/record-shape';
import { withRecordsCounted, withStreamCounts } from '../../../extension/src/store/tail-counters';
import { valueViews } from '../../../extension/src/store/value-view';
import { countNewer } from '../../../extension/src/ui/NewRecordsIndicator';
import { copyLabel } from '../../../extension/src/ui/RecordActions';
import { fromDateTimeInput, presetTime, relativeTime, toDateTimeInput, formatTimeIn } from '../../../extension/src/ui/time-format';
import { fakeRecord } from './records';

describe('one record shape for copy and every export (issue 14, item 10)', () => {
  const record = fakeRecord({ value: { encoding: 'json', text: '{"n":1}', size: 7 }, headers: [{ key: 'raw', value: { encoding: 'binary', base64: 'AAE=', size: 2 } }] });

  it('"Copy record JSON" and an NDJSON line are the same object: parsed value, ISO time and ms, bytes as base64', () => {
    expect(JSON.parse(exportRecords([record], 'ndjson'))).toEqual(JSON.parse(JSON.stringify(plainRecord(record), null, 2)));
    expect(plainRecord(record)).toMatchObject({ timestamp: '2026-11-24T07:05:45.000Z', timestampMs: '1795503945000', value: { n: 1 }, headers: [{ key: 'raw', value: { base64: 'AAE=' } }] });
  });

  it('a preview is never passed off as the value', () => {
    const big = fakeRecord({ value: { encoding: 'json', text: '{"items":[1,2', size: 70_000, truncated: true } });
    expect(plainRecord(big).value).toEqual({ preview: '{"items":[1,2', truncated: true, size: 70_000 });
  });

  it('CSV has the same fields, the time in ISO', () => {
    const [head, row] = exportRecords([record], 'csv').trim().split('\n');
    expect(head).toBe('topic,partition,offset,timestamp,timestampMs,key,value,headers,size');
    expect(row).toContain(',2026-11-24T07:05:45.000Z,1795503945000,');
  });

  it('copy buttons say preview and base64', () => {
    expect(copyLabel('value', { encoding: 'json', text: '{', size: 9, truncated: true })).toBe('Copy value preview');
    expect(copyLabel('value', { encoding: 'binary', base64: 'AA==', size: 1 })).toBe('Copy value (base64)');
    expect(copyLabel('key', { encoding: 'text', text: 'k', size: 1 })).toBe('Copy key');
  });

  it('the value view shown is one the value can take: no tree for a preview or text, only hex for bytes', () => {
    expect(valueViews({ encoding: 'json', text: '{}', size: 2 }, 'tree')).toEqual({ shown: 'tree', available: ['tree', 'text', 'hex'] });
    expect(valueViews({ encoding: 'json', text: '{"a', size: 90_000, truncated: true }, 'tree').shown).toBe('text');
    expect(valueViews({ encoding: 'text', text: 'hi', size: 2 }, 'tree').shown).toBe('text');
    expect(valueViews({ encoding: 'binary', base64: 'AA==', size: 1 }, 'text')).toEqual({ shown: 'hex', available: ['hex'] });
  });
});

describe('kcat produce command', () => {
  it('recreates partition, key, headers and the value bytes; none for a tombstone (kcat sends no null value)', () => {
    const cmd = kcatProduceCommand(fakeRecord({ partition: 2, key: { encoding: 'text', text: "it's", size: 4 }, headers: [{ key: 'h', value: { encoding: 'text', text: 'v', size: 1 } }] }), ['b:9092']);
    expect(cmd).toBe(`f=$(mktemp) && printf '%s' '{"n":1}' > "$f" && kcat -P -b 'b:9092' -t 'orders' -p 2 -k 'it'\\''s' -H 'h=v' "$f"; rm -f "$f"`);
    expect(kcatProduceCommand(fakeRecord({ value: null, key: null }), ['b:9092'])).toBeNull();
    expect(kcatProduceCommand(fakeRecord({ value: { encoding: 'binary', base64: 'AAE=', size: 2 } }), ['b'])).toContain(`printf '%s' 'AAE=' | base64 -d > "$f"`);
  });

  it('refuses a preview, says what kcat cannot send', () => {
    expect(kcatProduceCommand(fakeRecord({ value: { encoding: 'text', text: 'x', size: 99_999, truncated: true } }), ['b'])).toBeNull();
    expect(kcatProduceCommand(fakeRecord({ key: { encoding: 'binary', base64: 'AAE=', size: 2 } }), ['b'])).toMatch(/^# the key is binary/);
  });
});

describe('resend keeps the bytes (issue 14, item 4)', () => {
  it('an edited record is sent with the same encoding and text: compact JSON stays compact, a binary key stays bytes', () => {
    const form = { topic: 'orders', partition: '0', key: 'AAE=', keyIsNull: false, keyIsBase64: true, value: '{"a":1,"b":[1,2]}', valueMode: 'json' as const, tombstone: false, headers: [], copies: 1 };
    const [record] = formToRecords(form);
    expect(record!.value).toEqual({ encoding: 'json', text: '{"a":1,"b":[1,2]}' });
    expect(record!.key).toEqual({ encoding: 'binary', base64: 'AAE=' });
  });
});

describe('time formatting (issue 14, item 2)', () => {
  it('formats in UTC or local and reads a picker value back in the same zone', () => {
    expect(formatTimeIn('1795503945123', 'utc')).toBe('2026-11-24 07:05:45.123');
    expect(fromDateTimeInput('2026-11-24T07:05:45', 'utc')).toBe(1795503945000);
    expect(toDateTimeInput(1795503945000, 'utc')).toBe('2026-11-24T07:05:45');
    const local = toDateTimeInput(1795503945000, 'local');
    expect(fromDateTimeInput(local, 'local')).toBe(1795503945000);
    expect(fromDateTimeInput('yesterday', 'utc')).toBeNull();
  });

  it('presets and relative times', () => {
    const now = Date.UTC(2026, 10, 24, 15, 30);
    expect(presetTime('-5m', now, 'utc')).toBe(now - 300_000);
    expect(presetTime('-1h', now, 'utc')).toBe(now - 3_600_000);
    expect(presetTime('today', now, 'utc')).toBe(Date.UTC(2026, 10, 24));
    expect(relativeTime(now - 180_000, now)).toBe('3 min ago');
    expect(relativeTime(now + 7_200_000, now)).toBe('in 2 h');
    expect(relativeTime(now - 1000, now)).toBe('just now');
  });
});

describe('links, cluster scope, counters, older records, new records', () => {
  it('a record link round-trips and never carries the token', () => {
    const link = recordLink({ origin: 'http://127.0.0.1:7341', pathname: '/' }, { topic: 'orders', partition: 2, offset: '41', cluster: 'prod eu' });
    expect(link).toBe('http://127.0.0.1:7341/#topic=orders&partition=2&offset=41&cluster=prod+eu');
    expect(parseRecordLink(new URL(link).hash)).toEqual({ topic: 'orders', partition: 2, offset: '41', cluster: 'prod eu' });
    expect(parseRecordLink('#token=abc')).toBeNull();
    expect(parseRecordLink('#topic=a&partition=x&offset=1')).toBeNull();
  });

  it('requests that name a cluster go to the chosen one; others and explicit ones are left alone', () => {
    expect(CLUSTER_SCOPED.has('listTopics') && CLUSTER_SCOPED.has('recordGet') && !CLUSTER_SCOPED.has('tailStop')).toBe(true);
    expect(scopeToCluster({ type: 'listTopics' }, 'b')).toEqual({ type: 'listTopics', cluster: 'b' });
    expect(scopeToCluster({ type: 'tailStop', streamId: 's' }, 'b')).toEqual({ type: 'tailStop', streamId: 's' });
    expect(scopeToCluster({ type: 'tailStart', cluster: 'a' }, 'b')).toEqual({ type: 'tailStart', cluster: 'a' });
    expect(scopeToCluster({ type: 'listTopics' }, null)).toEqual({ type: 'listTopics' });
  });

  it('counters add up across the streams of one tail (a reconnect starts at 0 again)', () => {
    const frame = (streamId: string, matched: number) => ({ type: 'stats' as const, streamId, scanned: matched * 2, matched, sent: matched, positions: {}, highWatermarks: {} });
    const first = withStreamCounts({}, frame('s1', 40));
    const second = withStreamCounts(first.byStream, frame('s2', 5));
    expect(second.total).toEqual({ scanned: 90, matched: 45, sent: 45 });
    expect(withStreamCounts(second.byStream, frame('s2', 7)).total.matched).toBe(47);
  });

  it('records that arrive before their stream\'s next stats count as matched and sent, so shown never exceeds matched', () => {
    const frame = (streamId: string, matched: number) => ({ type: 'stats' as const, streamId, scanned: matched * 2, matched, sent: matched, positions: {}, highWatermarks: {} });
    const stats = withStreamCounts({}, frame('s1', 300));
    const ahead = withRecordsCounted(stats.byStream, 's1', 50);
    expect(ahead.total).toEqual({ scanned: 600, matched: 350, sent: 350 });
    expect(withRecordsCounted({}, 's2', 3).total).toEqual({ scanned: 3, matched: 3, sent: 3 });
    // The companion's next stats (which include those records) replace the guess.
    expect(withStreamCounts(ahead.byStream, frame('s1', 352)).total.matched).toBe(352);
  });

  it('load older asks before the first held offset, skips partitions at their log start, merges in time order within the bound', () => {
    const held = [fakeRecord({ partition: 0, offset: '50', timestamp: '2000' }), fakeRecord({ partition: 1, offset: '3', timestamp: '2001' })];
    const starts = [
      { partition: 0, offset: '50', low: '0', high: '60' },
      { partition: 1, offset: '3', low: '3', high: '9' },
      { partition: 2, offset: '7', low: '0', high: '7' },
    ];
    expect(olderRequests(starts, held, {})).toEqual([{ partition: 0, before: '50' }, { partition: 2, before: '7' }]);
    expect(olderRequests(starts, held, { 0: '50' })).toEqual([{ partition: 2, before: '7' }]);
    const older = [fakeRecord({ partition: 0, offset: '48', timestamp: '1000' }), fakeRecord({ partition: 0, offset: '49', timestamp: '1500' }), fakeRecord({ partition: 0, offset: '50', timestamp: '2000' })];
    const merged = withOlderRecords({ ...emptyHeld(), records: held, next: { 0: 51n } }, older, 10);
    expect(merged.records.map((r) => `${r.partition}:${r.offset}`)).toEqual(['0:48', '0:49', '0:50', '1:3']);
    expect(merged.next).toEqual({ 0: 51n });
    const bounded = withOlderRecords({ ...emptyHeld(), records: held }, older, 3);
    expect(bounded.records.map((r) => r.offset)).toEqual(['49', '50', '3']);
    expect(bounded.notLoaded).toBe(1);
  });

  it('"N new records" counts what arrived past the record at the live edge when the reader left', () => {
    const a = fakeRecord({ offset: '1' });
    const b = fakeRecord({ offset: '2' });
    const c = fakeRecord({ offset: '3' });
    expect(countNewer([c, b, a], a, 'top')).toBe(2);
    expect(countNewer([a, b, c], a, 'bottom')).toBe(2);
    expect(countNewer([b, c], a, 'bottom')).toBe(2);
  });
});
