import type { ReadResult } from './baselines';
import type { BenchClient } from './ws-client';

/**
 * Broker -> companion -> WebSocket client: a tail from earliest with a limit, every frame parsed,
 * timed from sending tailStart to the last record.
 */
export async function companionRead(client: BenchClient, topic: string, expected: number): Promise<ReadResult> {
  const start = performance.now();
  let records = 0;
  let bytes = 0;
  const streamId = await client.tail(topic, { from: 'earliest' }, { limit: expected });
  return new Promise((resolve) => {
    client.listen(streamId, (batch) => {
      for (const record of batch) {
        records++;
        bytes += ((record.value as { size?: number } | null)?.size ?? 0);
      }
      if (records >= expected) resolve({ records, bytes, ms: performance.now() - start });
    });
  });
}
