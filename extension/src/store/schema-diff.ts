import type { SchemaDetail } from '@kafka-inspector/shared';
import { diffLines } from 'diff';

/**
 * Schema text for people: Avro and JSON Schema are JSON, often registered on one line, so they are
 * indented first (a one-line schema would diff as one changed line); Protobuf is shown as written.
 */
export function schemaText(detail: Pick<SchemaDetail, 'type' | 'schema'>): string {
  if (detail.type === 'PROTOBUF') return detail.schema;
  try {
    return JSON.stringify(JSON.parse(detail.schema), null, 2);
  } catch {
    return detail.schema;
  }
}

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Line diff from `older` to `newer`, one entry per line (jsdiff's Myers diff). */
export function diffSchemas(older: Pick<SchemaDetail, 'type' | 'schema'>, newer: Pick<SchemaDetail, 'type' | 'schema'>): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(schemaText(older), schemaText(newer))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const parts = change.value.replace(/\n$/, '').split('\n');
    for (const text of parts) lines.push({ kind, text });
  }
  return lines;
}

/** "+3 −1": what a diff adds and removes, said in words for screen readers by the view. */
export const diffCounts = (lines: DiffLine[]) => ({ added: lines.filter((l) => l.kind === 'added').length, removed: lines.filter((l) => l.kind === 'removed').length });
