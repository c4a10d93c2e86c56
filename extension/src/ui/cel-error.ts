import type { WireError } from '@kafka-inspector/shared';

/** The part of a CEL expression an INVALID_FILTER error points at, as a caret line under it. */
export interface CelProblem {
  message: string;
  /** The expression and, when the companion said where, a line of spaces and carets under the range. */
  expression: string;
  caret: string | null;
}

/**
 * A tail's start error as a problem with its CEL field, or null when it is not one. The companion's
 * INVALID_FILTER carries `details.range` (character offsets into the expression) when it knows where.
 */
export function celProblem(error: WireError | string | null, cel: string | undefined): CelProblem | null {
  if (!error || typeof error === 'string' || error.code !== 'INVALID_FILTER' || !cel) return null;
  const range = (error.details as { range?: { start?: unknown; end?: unknown } } | undefined)?.range;
  const start = typeof range?.start === 'number' ? Math.max(0, Math.min(cel.length, range.start)) : null;
  const end = typeof range?.end === 'number' ? Math.max(start ?? 0, Math.min(cel.length, range.end)) : null;
  const caret = start === null ? null : ' '.repeat(start) + '^'.repeat(Math.max(1, (end ?? start + 1) - start));
  // The CEL library's message draws its own excerpt and caret on later lines: the first line says what is wrong.
  return { message: error.message.split('\n', 1)[0]!.trim(), expression: cel, caret };
}
