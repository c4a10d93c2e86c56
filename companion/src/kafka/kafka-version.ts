/**
 * Which Apache Kafka release a broker runs, inferred from its ApiVersions answer: Kafka has no
 * request that names its version, but each release raised the highest version of some requests
 * (the approach of franz-go's `kversion.VersionGuess`; this table is our own, from Kafka's KIPs).
 *
 * Each row lists requests a client can see on any broker of that release (ZooKeeper or KRaft) at
 * the version the release introduced. A release whose changes were all inter-broker (3.4) cannot be
 * told from its predecessor and shares its row; so does 3.6, whose one client-side mark
 * (AddPartitionsToTxn 4, KIP-890) we could not confirm is advertised. A broker's release is the last row whose marks all
 * hold, provided every earlier row holds too. A table that holds a later row but not an earlier one
 * is no Apache Kafka release (librdkafka's mock broker, Kafka-compatible servers): "unknown".
 */

/** Highest supported version per API key, as a broker's ApiVersions answer lists it. */
export type ApiVersionTable = ReadonlyMap<number, number>;

/** API keys of the marks below. */
const PRODUCE = 0;
const FETCH = 1;
const LIST_OFFSETS = 2;
const METADATA = 3;
const OFFSET_FETCH = 9;
const FIND_COORDINATOR = 10;
const JOIN_GROUP = 11;
const LEAVE_GROUP = 13;
const LIST_GROUPS = 16;
const CREATE_TOPICS = 19;
const INIT_PRODUCER_ID = 22;
const DESCRIBE_ACLS = 29;
const DESCRIBE_CONFIGS = 32;
const DESCRIBE_LOG_DIRS = 35;
const DESCRIBE_CLUSTER = 60;

interface Release {
  name: string;
  /** [api key, lowest max version a broker of this release reports]; version 0 means "has the request". */
  marks: Array<[number, number]>;
}

export const RELEASES: readonly Release[] = [
  { name: '2.0', marks: [[PRODUCE, 6], [FETCH, 8], [METADATA, 6]] }, // KIP-219
  { name: '2.1', marks: [[PRODUCE, 7], [FETCH, 10], [METADATA, 7]] }, // KIP-110, KIP-320
  { name: '2.2', marks: [[LIST_OFFSETS, 5], [JOIN_GROUP, 4]] }, // KIP-207, KIP-394
  { name: '2.3', marks: [[FETCH, 11], [METADATA, 8], [JOIN_GROUP, 5]] }, // KIP-392, KIP-430, KIP-345
  { name: '2.4', marks: [[PRODUCE, 8], [METADATA, 9]] }, // KIP-467, KIP-482
  { name: '2.5', marks: [[OFFSET_FETCH, 7], [JOIN_GROUP, 7], [INIT_PRODUCER_ID, 3]] }, // KIP-447, KIP-559, KIP-360
  { name: '2.6', marks: [[LIST_GROUPS, 4], [DESCRIBE_CONFIGS, 3]] }, // KIP-518, KIP-569
  { name: '2.7', marks: [[FETCH, 12], [CREATE_TOPICS, 6], [INIT_PRODUCER_ID, 4]] }, // KIP-595, KIP-599, KIP-588
  { name: '2.8', marks: [[PRODUCE, 9], [LIST_OFFSETS, 6], [METADATA, 11], [DESCRIBE_CLUSTER, 0]] }, // KIP-482, KIP-700
  { name: '3.0', marks: [[LIST_OFFSETS, 7], [FIND_COORDINATOR, 4], [OFFSET_FETCH, 8]] }, // KIP-734, KIP-699, KIP-709
  { name: '3.1', marks: [[FETCH, 13], [METADATA, 12]] }, // KIP-516 (topic ids)
  { name: '3.2', marks: [[JOIN_GROUP, 9], [LEAVE_GROUP, 5]] }, // KIP-800, KIP-814
  { name: '3.3 or 3.4', marks: [[DESCRIBE_ACLS, 3], [DESCRIBE_LOG_DIRS, 4]] }, // KIP-373, KIP-827
  { name: '3.5 or 3.6', marks: [[FETCH, 15], [LIST_OFFSETS, 8]] }, // KIP-405, KIP-903
  { name: '3.7', marks: [[PRODUCE, 10], [FETCH, 16]] }, // KIP-951
];

const holds = (table: ApiVersionTable, release: Release) => release.marks.every(([key, version]) => (table.get(key) ?? -1) >= version);

/**
 * "3.1"; "3.3 or 3.4" where releases look alike; "≥ 3.7" past the table's last row (a newer
 * release may add nothing a client sees); "< 2.0"; or "unknown" for a table no release matches.
 */
export function guessKafkaVersion(table: ApiVersionTable): string {
  const held = RELEASES.map((release) => holds(table, release));
  const count = held.indexOf(false) === -1 ? held.length : held.indexOf(false);
  if (held.slice(count).some(Boolean)) return 'unknown';
  if (count === 0) return '< 2.0';
  if (count === RELEASES.length) return `≥ ${RELEASES[count - 1]!.name}`;
  return RELEASES[count - 1]!.name;
}
