import { readFileSync } from 'node:fs';
import { CapabilitiesSchema, ClientMessageSchema, type EncodedData, ServerMessageSchema, type WireRecord } from '@kafka-inspector/shared';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
const frames = blocks.map((block) => JSON.parse(block) as Record<string, unknown>);

/** Every variant the schemas define, read from the schemas themselves so a new one fails here. */
const clientTypes = ClientMessageSchema.options.map((option) => option.shape.type.value);
const serverVariants = ServerMessageSchema.options.flatMap((option) =>
  'options' in option ? option.options.map((o) => `result:${o.shape.request.value}`) : [option.shape.type.value],
);

describe('docs/protocol.md stays true to the schemas', () => {
  it('has examples to check', () => {
    expect(blocks.length).toBeGreaterThan(30);
  });

  it.each(blocks.map((block, i) => [i, block.split('\n')[0]!.slice(0, 60), block] as const))('example %i (%s) is a frame the schemas accept', (_i, _head, block) => {
    const frame = JSON.parse(block) as unknown;
    const asClient = ClientMessageSchema.safeParse(frame);
    const asServer = ServerMessageSchema.safeParse(frame);
    expect(asClient.success || asServer.success, JSON.stringify(asServer.error?.issues ?? asClient.error?.issues)).toBe(true);
  });

  it('shows every client request type', () => {
    const shown = new Set(frames.map((f) => f.type));
    expect(clientTypes.filter((type) => !shown.has(type))).toEqual([]);
  });

  it('shows every server frame, including a result for every request type', () => {
    const shown = new Set(frames.map((f) => (f.type === 'result' ? `result:${String(f.request)}` : String(f.type))));
    expect(serverVariants.filter((variant) => !shown.has(variant))).toEqual([]);
  });

  it('sizes in the records examples are the byte lengths of what they describe (issue 16)', () => {
    const bytes = (data: EncodedData | null) => (data === null ? 0 : data.encoding === 'binary' ? Buffer.from(data.base64, 'base64').length : Buffer.byteLength(data.text));
    const records = frames.filter((f) => f.type === 'records').flatMap((f) => f.records as WireRecord[]);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      for (const data of [record.key, record.value, ...record.headers.map((h) => h.value)]) {
        if (data && !data.truncated) expect(data.size, JSON.stringify(data)).toBe(bytes(data));
      }
      const sum = (record.key?.size ?? 0) + (record.value?.size ?? 0) + record.headers.reduce((n, h) => n + Buffer.byteLength(h.key) + (h.value?.size ?? 0), 0);
      expect(record.size, `record ${record.partition}:${record.offset}`).toBe(sum);
    }
  });

  it('the welcome example shows every limit the schema has (issue 16)', () => {
    const welcome = frames.find((f) => f.type === 'welcome') as { capabilities: { limits: Record<string, number> } };
    expect(Object.keys(welcome.capabilities.limits).sort()).toEqual(Object.keys(CapabilitiesSchema.shape.limits.shape).sort());
  });

  it('documents every error code', async () => {
    const { ERROR_CODES } = await import('@kafka-inspector/shared');
    expect(ERROR_CODES.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});
