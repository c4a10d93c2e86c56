import type { ReadResult } from './baselines';
import { processCpuMs } from './process-cpu';
import type { BenchClient } from './ws-client';

/**
 * Broker -> companion -> WebSocket client: a tail from earliest with a limit, every frame parsed,
 * timed from sending tailStart to the last record. With the companion's pid, also the CPU both
 * sides spent: the companion's (all its threads) and this process's (the client parsing frames).
 */
export async function companionRead(client: BenchClient, topic: string, expected: number, companionPid?: number): Promise<ReadResult> {
  const companionCpu = companionPid === undefined ? 0 : processCpuMs(companionPid);
  const clientCpu = process.cpuUsage();
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
      if (records < expected) return;
      const ms = performance.now() - start;
      const client = process.cpuUsage(clientCpu);
      const cpu = companionPid === undefined ? {} : { companionCpuMs: processCpuMs(companionPid) - companionCpu, clientCpuMs: (client.user + client.system) / 1000 };
      resolve({ records, bytes, ms, ...cpu });
    });
  });
}
