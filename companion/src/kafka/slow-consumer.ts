import type { Consumer } from 'kafkajs';
import type { ClusterProfile } from '../config/types';
import { createKafkaClient } from './client';

export interface SlowConsumer {
  stop(): Promise<void>;
}

export interface SlowConsumerOptions {
  groupId: string;
  topic: string;
  /** How long "processing" one record takes. */
  processMs: number;
  signal: AbortSignal;
  /** A failure to connect, join or commit; never called once `signal` aborted. */
  onError: (error: unknown) => void;
}

/**
 * A real consumer group member that takes `processMs` per record and commits each processed offset
 * at once (autoCommit off, so the commit is sent then, not batched on an interval or threshold).
 * The demo runs one so its Groups tab has a group with committed offsets and lag. When `signal`
 * aborts, the wait in hand ends at once and nothing more is committed, so shutdown is not held up.
 */
export function startSlowConsumer(profile: ClusterProfile, options: SlowConsumerOptions): SlowConsumer {
  const { groupId, topic, processMs, signal, onError } = options;
  const consumer: Consumer = createKafkaClient(profile).consumer({ groupId, allowAutoTopicCreation: false });
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, processMs);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  const started = (async () => {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        await pause();
        if (signal.aborted) return;
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      },
    });
  })().catch((error: unknown) => {
    if (!signal.aborted) onError(error);
  });
  return {
    async stop() {
      // A join still in progress, or a broker already gone (a terminal's Ctrl-C reaches the demo
      // broker too), would hold shutdown past its 2 s deadline: leave the group if it can be done
      // quickly, else let the process exit take the connections down.
      const left = started.then(() => consumer.disconnect()).catch(() => {});
      await Promise.race([left, new Promise<void>((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
    },
  };
}

/** How long stop() waits for a clean LeaveGroup. */
const STOP_GRACE_MS = 500;
