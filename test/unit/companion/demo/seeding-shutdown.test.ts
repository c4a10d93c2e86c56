import { describe, expect, it } from 'vitest';
import { seedDemoTopics, startGenerator } from '../../../../companion/src/demo/generator';
import type { KafkaGateway } from '../../../../companion/src/kafka/gateway';

/** A gateway whose produce calls the test settles by hand. */
function fakeGateway() {
  const calls: Array<{ topic: string; resolve: () => void; reject: (error: Error) => void }> = [];
  const gateway = {
    produce: (topic: string) =>
      new Promise((resolve, reject) => calls.push({ topic, resolve: () => resolve([]), reject })),
  } as unknown as KafkaGateway;
  return { gateway, calls };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('demo seeding and generator on shutdown', () => {
  it('a send failing after shutdown began resolves quietly, and nothing more is sent', async () => {
    const { gateway, calls } = fakeGateway();
    const shutdown = new AbortController();
    const seeding = seedDemoTopics(gateway, { signal: shutdown.signal });
    await tick();
    calls[0]!.resolve();
    await tick();
    expect(calls).toHaveLength(2);
    shutdown.abort();
    calls[1]!.reject(new Error('cannot produce to payments: Connection error: read ECONNRESET'));
    await expect(seeding).resolves.toBeUndefined();
    expect(calls).toHaveLength(2);
  });

  it('a send failing with no shutdown rejects (the caller reports one line)', async () => {
    const { gateway, calls } = fakeGateway();
    const seeding = seedDemoTopics(gateway, { signal: new AbortController().signal });
    await tick();
    calls[0]!.reject(new Error('cannot produce to orders: boom'));
    await expect(seeding).rejects.toThrow('boom');
  });

  it('the generator stops on abort and reports an outage once, not per topic and tick', async () => {
    const { gateway, calls } = fakeGateway();
    const shutdown = new AbortController();
    const errors: unknown[] = [];
    startGenerator(gateway, { tickMs: 5, seed: 1, signal: shutdown.signal, onError: (error) => errors.push(error) });
    for (let i = 0; i < 40; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      for (const call of calls.splice(0)) call.reject(new Error(`down: ${call.topic}`));
    }
    expect(errors).toHaveLength(1);
    shutdown.abort();
    await new Promise((resolve) => setTimeout(resolve, 30));
    for (const call of calls.splice(0)) call.reject(new Error('after shutdown'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toHaveLength(0);
    expect(errors).toHaveLength(1);
  });
});
