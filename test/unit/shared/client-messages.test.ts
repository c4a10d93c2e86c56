import { ClientMessageSchema } from '@kafka-inspector/shared';
import { describe, expect, it } from 'vitest';

const accepts = (frame: unknown) => ClientMessageSchema.safeParse(frame).success;

describe('client frame schemas', () => {
  it.each([
    { id: '1', type: 'hello', protocol: 1, token: 't' },
    { id: '1', type: 'ping' },
    { id: '1', type: 'describeCluster', cluster: 'prod' },
    { id: '1', type: 'listTopics', search: 'ord', includeInternal: true },
    { id: '1', type: 'describeTopic', topic: 'a.b_c-1' },
    { id: '1', type: 'tailStart', topic: 't', start: { from: 'latest' } },
    { id: '1', type: 'tailStart', topic: 't', partitions: [0, 3], start: { from: 'offset', offset: '9223372036854775807' }, filter: { text: 'x', cel: 'true' }, limit: 10 },
    { id: '1', type: 'tailStart', topic: 't', start: { from: 'positions', positions: { '0': '5' } } },
    { id: '1', type: 'tailPause', streamId: 's1' },
    { id: '1', type: 'tailResume', streamId: 's1' },
    { id: '1', type: 'tailSeek', streamId: 's1', start: { from: 'lastN', count: 5 } },
    { id: '1', type: 'tailStop', streamId: 's1' },
    { id: '1', type: 'produce', topic: 't', records: [{ value: null }, { partition: 0, key: { encoding: 'binary', base64: 'AA==' }, value: { encoding: 'json', text: '{}' }, headers: [{ key: 'h', value: null }] }] },
    { id: '1', type: 'listGroups' },
    { id: '1', type: 'describeGroup', groupId: 'g', topics: ['t'] },
    // start.timestamp: a decimal string (canonical) or, as protocol 1 first had it, a JSON number.
    { id: '1', type: 'tailStart', topic: 't', start: { from: 'timestamp', timestamp: '1795500000000' } },
    { id: '1', type: 'tailStart', topic: 't', start: { from: 'timestamp', timestamp: 1795500000000 } },
    { id: '1', type: 'produce', topic: 't', records: [{ value: null, timestamp: '0' }] },
  ])('accepts %j', (frame) => {
    expect(accepts(frame)).toBe(true);
  });

  it.each([
    ['no id', { type: 'ping' }],
    ['an empty id', { id: '', type: 'ping' }],
    ['a numeric id', { id: 1, type: 'ping' }],
    ['an unknown type', { id: '1', type: 'dropTopic' }],
    ['an extra field', { id: '1', type: 'ping', extra: 1 }],
    ['a hello without token', { id: '1', type: 'hello', protocol: 1 }],
    ['a topic name with spaces', { id: '1', type: 'describeTopic', topic: 'a b' }],
    ['a 250-character topic name', { id: '1', type: 'describeTopic', topic: 'a'.repeat(250) }],
    ['a negative partition', { id: '1', type: 'tailStart', topic: 't', partitions: [-1], start: { from: 'latest' } }],
    ['an empty partition list', { id: '1', type: 'tailStart', topic: 't', partitions: [], start: { from: 'latest' } }],
    ['a numeric offset', { id: '1', type: 'tailStart', topic: 't', start: { from: 'offset', offset: 5 } }],
    ['a non-decimal offset', { id: '1', type: 'tailStart', topic: 't', start: { from: 'offset', offset: '0x10' } }],
    ['lastN of zero', { id: '1', type: 'tailStart', topic: 't', start: { from: 'lastN', count: 0 } }],
    ['a fractional timestamp', { id: '1', type: 'tailStart', topic: 't', start: { from: 'timestamp', timestamp: 1.5 } }],
    ['a zero limit', { id: '1', type: 'tailStart', topic: 't', start: { from: 'latest' }, limit: 0 }],
    ['a huge CEL filter', { id: '1', type: 'tailStart', topic: 't', start: { from: 'latest' }, filter: { cel: 'x'.repeat(5000) } }],
    ['produce with no records', { id: '1', type: 'produce', topic: 't', records: [] }],
    ['produce with an unknown encoding', { id: '1', type: 'produce', topic: 't', records: [{ value: { encoding: 'hex', text: '00' } }] }],
    ['produce with bad base64', { id: '1', type: 'produce', topic: 't', records: [{ value: { encoding: 'binary', base64: 'a b' } }] }],
    ['produce without value', { id: '1', type: 'produce', topic: 't', records: [{ key: null }] }],
    ['a group id that is empty', { id: '1', type: 'describeGroup', groupId: '' }],
  ])('rejects %s', (_name, frame) => {
    expect(accepts(frame)).toBe(false);
  });

  // Issue 16 (protocol 4): unknown fields are refused at every level of a client frame, not only the top.
  it.each([
    ['an extra field in a produce record', { id: '1', type: 'produce', topic: 't', records: [{ value: null, extra: 1 }] }],
    ['an extra field in a produce header', { id: '1', type: 'produce', topic: 't', records: [{ value: null, headers: [{ key: 'h', value: null, extra: 1 }] }] }],
    ['an extra field in an encoded value', { id: '1', type: 'produce', topic: 't', records: [{ value: { encoding: 'text', text: 'x', length: 1 } }] }],
    ['a truncated preview produced again', { id: '1', type: 'produce', topic: 't', records: [{ value: { encoding: 'text', text: 'x', size: 9, truncated: true } }] }],
    ['an extra field in start', { id: '1', type: 'tailStart', topic: 't', start: { from: 'latest', offset: '5' } }],
    ['an extra field in filter', { id: '1', type: 'tailStart', topic: 't', start: { from: 'latest' }, filter: { text: 'x', regex: 'y' } }],
  ])('rejects %s (strict at every level)', (_name, frame) => {
    expect(accepts(frame)).toBe(false);
  });

  // Issue 16 (protocol 6 and 7): offsets and times a client asks for are 0 or more, as decimal strings.
  it.each([
    ['a negative produce timestamp', { id: '1', type: 'produce', topic: 't', records: [{ value: null, timestamp: '-5' }] }],
    ['"-1" as a start offset', { id: '1', type: 'tailStart', topic: 't', start: { from: 'offset', offset: '-1' } }],
    ['"-1" as a resume position', { id: '1', type: 'tailSeek', streamId: 's1', start: { from: 'positions', positions: { '0': '-1' } } }],
    ['an offset past 2^63-1', { id: '1', type: 'tailStart', topic: 't', start: { from: 'offset', offset: '9223372036854775808' } }],
    ['a negative string timestamp start', { id: '1', type: 'tailStart', topic: 't', start: { from: 'timestamp', timestamp: '-1' } }],
    ['a numeric timestamp start past 2^53', { id: '1', type: 'tailStart', topic: 't', start: { from: 'timestamp', timestamp: 2 ** 60 } }],
  ])('rejects %s', (_name, frame) => {
    expect(accepts(frame)).toBe(false);
  });
});
