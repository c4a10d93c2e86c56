import type { WireRecord } from '@kafka-inspector/shared';

/** A tailed record for tests; override what the test is about. */
export function fakeRecord(overrides: Partial<WireRecord> = {}): WireRecord {
  return {
    topic: 'orders',
    partition: 0,
    offset: '0',
    timestamp: '1795503945000',
    key: { encoding: 'text', text: 'k', size: 1 },
    value: { encoding: 'json', text: '{"n":1}', size: 7 },
    headers: [],
    size: 8,
    ...overrides,
  };
}
