import { type Admin, Kafka, logLevel } from 'kafkajs';

/**
 * Admin chores for tests on a real cluster, written for a busy KRaft broker: KafkaJS's admin
 * refreshes metadata for every topic it ever named, and throws UNKNOWN_TOPIC_OR_PARTITION while
 * topics are being created or deleted around it (by other test files at the same time), so each
 * attempt uses a fresh admin and checks the outcome instead of trusting one call.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withAdmin<T>(brokers: string[], use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({ clientId: 'ki-test-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Creates topics and waits until each is listed and every partition answers ListOffsets (KafkaJS's
 * own `waitForLeaders` gives up on a busy broker). `ready` replaces the per-topic check for
 * thousands of topics.
 */
export async function createReadyTopics(
  brokers: string[],
  topics: Array<{ topic: string; numPartitions: number; configEntries?: Array<{ name: string; value: string }> }>,
  options: { timeoutMs?: number; ready?: () => Promise<boolean> } = {},
): Promise<void> {
  await withAdmin(brokers, async (admin) => {
    for (let i = 0; i < topics.length; i += 500) await admin.createTopics({ topics: topics.slice(i, i + 500), waitForLeaders: false, timeout: 60_000 });
  });
  const names = topics.map((t) => t.topic);
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    const ready = await withAdmin(brokers, async (admin) => {
      const listed = new Set(await admin.listTopics());
      if (!names.every((name) => listed.has(name))) return false;
      if (options.ready) return options.ready();
      const answers = await Promise.all(names.map((name) => admin.fetchTopicOffsets(name).then(() => true, () => false)));
      return answers.every(Boolean);
    }).catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`topics ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''} were not ready within ${options.timeoutMs ?? 60_000} ms`);
    await sleep(wait);
  }
}

/** Deletes topics, retrying until none of them is listed any more (at most `attempts` tries). */
export async function deleteTopics(brokers: string[], topics: string[], attempts = 5): Promise<void> {
  let left = topics;
  for (let attempt = 1; left.length > 0; attempt++) {
    try {
      await withAdmin(brokers, (admin) => admin.deleteTopics({ topics: left, timeout: 30_000 }));
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
    const listed = new Set(await withAdmin(brokers, (admin) => admin.listTopics()).catch(() => left));
    left = left.filter((topic) => listed.has(topic));
    if (left.length && attempt >= attempts) throw new Error(`topics still there after ${attempts} tries: ${left.slice(0, 5).join(', ')}`);
    if (left.length) await sleep(200 * attempt);
  }
}
