import { describe, expect, it } from 'vitest';
import { type ApiVersionTable, guessKafkaVersion, RELEASES } from '../../../../companion/src/kafka/kafka-version';
import { type ApiVersionRows, KAFKA_3_1_0, LIBRDKAFKA_MOCK_2_0_2 } from './api-versions-tables';

// The two real tables were captured with KafkaJS's handshake (the private cluster's
// `brokerPool.findConnectedBroker()).versions`) from the mock the suite starts and from
// `../shared/kafka/kafka-broker start`; test/integration/topics-groups.test.ts asks both live.

const table = (rows: ApiVersionRows): Map<number, number> => new Map(rows.map(([key, , max]) => [key, max]));
const withVersions = (base: ApiVersionTable, changes: Record<number, number>) =>
  new Map([...base, ...Object.entries(changes).map(([key, max]) => [Number(key), max] as const)]);

/** The lowest table that holds every row up to and including `release`. */
function lowestTableOf(release: number): Map<number, number> {
  const versions = new Map<number, number>();
  for (const { marks } of RELEASES.slice(0, release + 1)) for (const [key, max] of marks) versions.set(key, Math.max(versions.get(key) ?? 0, max));
  return versions;
}

describe('guessKafkaVersion', () => {
  it('names Apache Kafka 3.1.0 from its real ApiVersions answer', () => {
    expect(guessKafkaVersion(table(KAFKA_3_1_0))).toBe('3.1');
  });

  it("calls librdkafka's mock broker unknown: its table mixes Metadata 2 (Kafka 0.10) with ListOffsets 5 (Kafka 2.2)", () => {
    expect(guessKafkaVersion(table(LIBRDKAFKA_MOCK_2_0_2))).toBe('unknown');
  });

  it.each([
    ['3.0', { 1: 12, 3: 11 }], // without KIP-516's Fetch 13 and Metadata 12
    ['3.2', { 11: 9, 13: 5 }], // with KIP-800/814's JoinGroup 9 and LeaveGroup 5
    ['3.3 or 3.4', { 11: 9, 13: 5, 29: 3, 35: 4 }],
    ['≥ 3.7', { 0: 11, 1: 17, 2: 9, 11: 9, 13: 5, 29: 3, 35: 4 }], // past the table: a newer release
    ['unknown', { 3: 5 }], // 3.1 everywhere but an old Metadata: no release looks like that
  ])('reads %s from the 3.1 table changed by %j', (name, changes) => {
    expect(guessKafkaVersion(withVersions(table(KAFKA_3_1_0), changes))).toBe(name);
  });

  it('says "< 2.0" for a broker without 2.0\'s request versions (and for no table at all)', () => {
    expect(guessKafkaVersion(new Map([[0, 5], [1, 7], [3, 5]]))).toBe('< 2.0');
    expect(guessKafkaVersion(new Map())).toBe('< 2.0');
  });

  it('tells every row of the table apart: its lowest table is guessed as that row', () => {
    RELEASES.forEach((release, index) => {
      const expected = index === RELEASES.length - 1 ? `≥ ${release.name}` : release.name;
      expect(guessKafkaVersion(lowestTableOf(index)), release.name).toBe(expected);
    });
  });

  it('never lowers a mark: a later row asks at least the version an earlier row asked of the same request', () => {
    const highest = new Map<number, number>();
    for (const { name, marks } of RELEASES) {
      for (const [key, max] of marks) {
        expect(max, `${name}, api key ${key}`).toBeGreaterThanOrEqual(highest.get(key) ?? 0);
        highest.set(key, max);
      }
    }
  });
});
