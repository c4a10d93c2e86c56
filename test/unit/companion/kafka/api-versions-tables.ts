/**
 * ApiVersions answers as KafkaJS's handshake read them (`[api key, min version, max version]`),
 * captured from the two brokers the suite runs against (test/unit/companion/kafka/kafka-version.test.ts
 * says how).
 */
export type ApiVersionRows = ReadonlyArray<readonly [number, number, number]>;

/** Apache Kafka 3.1.0, one KRaft node (../shared/kafka/kafka-broker). */
export const KAFKA_3_1_0: ApiVersionRows = [
  [0, 0, 9], [1, 0, 13], [2, 0, 7], [3, 0, 12], [8, 0, 8], [9, 0, 8], [10, 0, 4], [11, 0, 7],
  [12, 0, 4], [13, 0, 4], [14, 0, 5], [15, 0, 5], [16, 0, 4], [17, 0, 1], [18, 0, 3], [19, 0, 7],
  [20, 0, 6], [21, 0, 2], [22, 0, 4], [23, 0, 4], [24, 0, 3], [25, 0, 3], [26, 0, 3], [27, 0, 1],
  [28, 0, 3], [29, 0, 2], [30, 0, 2], [31, 0, 2], [32, 0, 4], [33, 0, 2], [34, 0, 2], [35, 0, 2],
  [36, 0, 2], [37, 0, 3], [42, 0, 2], [43, 0, 2], [44, 0, 1], [45, 0, 0], [46, 0, 0], [47, 0, 0],
  [48, 0, 1], [49, 0, 1], [57, 0, 0], [58, 0, 0], [60, 0, 0], [61, 0, 0], [65, 0, 0], [66, 0, 0],
];

/** librdkafka 2.0.2's mock cluster (the default test broker and the demo broker). */
export const LIBRDKAFKA_MOCK_2_0_2: ApiVersionRows = [
  [0, 0, 7], [1, 0, 11], [2, 0, 5], [3, 0, 2], [8, 0, 7], [9, 0, 5], [10, 0, 2], [11, 0, 5],
  [12, 0, 3], [13, 0, 1], [14, 0, 3], [18, 0, 2], [22, 0, 4], [24, 0, 1], [25, 0, 1], [26, 0, 1],
  [28, 0, 2],
];
