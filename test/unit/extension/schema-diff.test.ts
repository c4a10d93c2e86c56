import { describe, expect, it } from 'vitest';
import { diffCounts, diffSchemas, schemaText } from '../../../extension/src/store/schema-diff';

describe('schema text and diffs', () => {
  it('indents one-line Avro and JSON Schema so that a diff shows the changed field, not the whole schema', () => {
    const v1 = { type: 'AVRO' as const, schema: '{"type":"record","name":"A","fields":[{"name":"id","type":"string"}]}' };
    const v2 = { type: 'AVRO' as const, schema: '{"type":"record","name":"A","fields":[{"name":"id","type":"string"},{"name":"n","type":"int","default":0}]}' };
    expect(schemaText(v1).split('\n').length).toBeGreaterThan(5);
    const lines = diffSchemas(v1, v2);
    const { added, removed } = diffCounts(lines);
    expect(added).toBeGreaterThan(0);
    expect(lines.filter((l) => l.kind === 'added').map((l) => l.text).join('\n')).toContain('"n"');
    expect(lines.filter((l) => l.kind === 'removed').map((l) => l.text).join('\n')).not.toContain('"id"');
    expect(removed).toBeLessThanOrEqual(1);
  });

  it('keeps Protobuf source as written and diffs it by line', () => {
    const a = { type: 'PROTOBUF' as const, schema: 'syntax = "proto3";\nmessage A {\n  string id = 1;\n}\n' };
    const b = { type: 'PROTOBUF' as const, schema: 'syntax = "proto3";\nmessage A {\n  string id = 1;\n  int32 n = 2;\n}\n' };
    expect(schemaText(a)).toBe(a.schema);
    expect(diffSchemas(a, b)).toEqual([
      { kind: 'same', text: 'syntax = "proto3";' },
      { kind: 'same', text: 'message A {' },
      { kind: 'same', text: '  string id = 1;' },
      { kind: 'added', text: '  int32 n = 2;' },
      { kind: 'same', text: '}' },
    ]);
  });

  it('an identical version diffs to no change; text that is not JSON is shown as is', () => {
    const a = { type: 'JSON' as const, schema: '{"type":"object"}' };
    expect(diffCounts(diffSchemas(a, a))).toEqual({ added: 0, removed: 0 });
    expect(schemaText({ type: 'JSON', schema: 'not json' })).toBe('not json');
  });
});
