import { randomUUID } from 'node:crypto';
import { createReadyTopics, deleteTopics } from './kafka-admin';
import { inject } from 'vitest';

/**
 * The broker under test: a real cluster when KAFKA_BROKERS is set, else the mock cluster the
 * global setup started. Tests use only these helpers, so the same suite runs against both.
 */
export function testBrokers(): string[] {
  return inject('kafkaBrokers').split(',').map((b) => b.trim()).filter(Boolean);
}

export function isMockBroker(): boolean {
  return inject('brokerControlUrl') !== null;
}

/** Sends a launcher command to the mock broker (`down 1`, `up 1`, `topic NAME P`). */
export async function brokerControl(command: string): Promise<string> {
  const url = inject('brokerControlUrl');
  if (!url) throw new Error(`brokerControl('${command}') needs the test broker; KAFKA_BROKERS names a real cluster`);
  const res = await fetch(url, { method: 'POST', body: command });
  const text = await res.text();
  if (!res.ok) throw new Error(`mock broker refused '${command}': ${text}`);
  return text;
}

/**
 * A unique name for a topic or group this run creates: `PREFIX-<run tag>-<random>`. On a real
 * cluster the run's teardown deletes every topic and group whose name carries the tag.
 */
export function testName(prefix: string): string {
  return `${prefix}-${inject('runTag')}-${randomUUID().slice(0, 6)}`;
}

/** A consumer group id the run deletes at the end (on a real cluster). */
export const testGroupId = (prefix = 'ki-test-group') => testName(prefix);

/** Deletes topics now (real clusters; the test broker cannot delete topics and needs nothing). */
export async function deleteTestTopics(topics: string[]): Promise<void> {
  if (isMockBroker() || topics.length === 0) return;
  await deleteTopics(testBrokers(), topics);
}

/** A fresh, uniquely named topic with `partitions` partitions, ready to produce to and fetch from. */
export async function createTestTopic(partitions = 3, prefix = 'ki-test'): Promise<string> {
  const topic = testName(prefix);
  if (isMockBroker()) {
    await brokerControl(`topic ${topic} ${partitions}`);
    return topic;
  }
  await createReadyTopics(testBrokers(), [{ topic, numPartitions: partitions }]);
  return topic;
}
