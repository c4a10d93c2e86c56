import type { RecordCoordinates } from './record-reads-slice';

export interface RecordLinkTarget extends RecordCoordinates {
  /** The cluster profile; absent: the companion's default. */
  cluster?: string;
}

/**
 * A link that opens one record in the panel: the page's own address with the record's coordinates
 * in the fragment (never the pairing token, even when the page was opened with one).
 */
export function recordLink(page: { origin: string; pathname: string }, target: RecordLinkTarget): string {
  const params = new URLSearchParams({ topic: target.topic, partition: String(target.partition), offset: target.offset });
  if (target.cluster) params.set('cluster', target.cluster);
  return `${page.origin}${page.pathname}#${params.toString()}`;
}

/** The record a page fragment names, or null when it names none (or names it badly). */
export function parseRecordLink(hash: string): RecordLinkTarget | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const topic = params.get('topic');
  const partition = params.get('partition');
  const offset = params.get('offset');
  if (!topic || !partition || !offset || !/^\d{1,7}$/.test(partition) || !/^\d{1,19}$/.test(offset)) return null;
  const cluster = params.get('cluster');
  return { topic, partition: Number(partition), offset, ...(cluster ? { cluster } : {}) };
}
