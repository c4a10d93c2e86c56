import { describe, expect, it } from 'vitest';
import { type RegistryClient, RegistryError } from '../../../../companion/src/schema/registry-client';
import { SchemaCache } from '../../../../companion/src/schema/schema-cache';

/** A registry client that serves `"string"` Avro schemas for every id, or fails as told, counting calls. */
function fakeClient(fail: () => RegistryError | null = () => null) {
  const calls: number[] = [];
  const client: RegistryClient = {
    url: 'http://registry',
    get requests() {
      return calls.length;
    },
    schemaById: async (id) => {
      calls.push(id);
      const error = fail();
      if (error) throw error;
      return { schemaType: 'AVRO', schema: '"string"', references: [] };
    },
    subjectVersionsOf: async () => [],
    listSubjects: async () => [],
    listVersions: async () => [],
    subjectVersion: async () => {
      throw new Error('unused');
    },
  };
  return { client, calls };
}

describe('the schema cache (issue 11)', () => {
  it('asks once per id, however many records and parallel batches name it', async () => {
    const { client, calls } = fakeClient();
    const cache = new SchemaCache(client);
    await Promise.all([cache.ensure([1, 1, 2]), cache.ensure([2, 1])]);
    await cache.ensure([1, 2]);
    expect(calls.sort()).toEqual([1, 2]);
    expect(cache.get(1)).toMatchObject({ schema: { format: 'avro' } });
  });

  it('is bounded: the least recently used schema goes first', async () => {
    const { client } = fakeClient();
    const cache = new SchemaCache(client, { maxSchemas: 2 });
    await cache.ensure([1]);
    await cache.ensure([2]);
    cache.get(1);
    await cache.ensure([3]);
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toBeDefined();
    expect(cache.get(3)).toBeDefined();
  });

  it('remembers a failure only briefly, then asks again', async () => {
    let down = true;
    const { client, calls } = fakeClient(() => (down ? new RegistryError('unavailable', 'schema registry http://registry did not answer: ECONNREFUSED') : null));
    const cache = new SchemaCache(client, { retryMs: { unavailable: 50 } });
    await cache.ensure([7]);
    expect(cache.get(7)).toMatchObject({ error: expect.stringContaining('did not answer') });
    await cache.ensure([7]);
    expect(calls).toEqual([7]);
    down = false;
    await new Promise((resolve) => setTimeout(resolve, 60));
    await cache.ensure([7]);
    expect(calls).toEqual([7, 7]);
    expect(cache.get(7)).toMatchObject({ schema: { format: 'avro' } });
  });

  it('a schema the library refuses is an error naming the id, not a crash', async () => {
    const { client } = fakeClient();
    client.schemaById = async () => ({ schemaType: 'AVRO', schema: '{"type":"nope"}', references: [] });
    const cache = new SchemaCache(client);
    await cache.ensure([9]);
    expect(cache.get(9)).toMatchObject({ error: expect.stringMatching(/^schema 9 cannot be used: /) });
  });
});
