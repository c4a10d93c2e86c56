import type { SkippedRange, UnreadableRange } from '../kafka/gateway';

/** The words of a `skipped` status: which offsets were gone before the stream read them. */
export function skippedMessage(skipped: SkippedRange[]): string {
  const ranges = skipped.map((r) => `partition ${r.partition} offsets ${r.from}-${BigInt(r.to) - 1n}`).join(', ');
  return `deleted by retention before they were read: ${ranges}; going on from the oldest kept record`;
}

/** The words of a status about batches the companion cannot decode (a codec it lacks). */
export function unreadableMessage(unreadable: UnreadableRange[]): string {
  const ranges = unreadable.map((r) => `partition ${r.partition} offsets ${r.from}-${BigInt(r.to) - 1n} (${r.reason})`).join(', ');
  return `records the companion cannot decode were stepped over: ${ranges}`;
}
