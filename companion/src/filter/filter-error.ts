/** A tail filter that cannot run; the session answers INVALID_FILTER with its message and details. */
export class FilterError extends Error {
  override name = 'FilterError';

  constructor(
    message: string,
    /** `range`: where in the expression the problem is (character offsets), when known. */
    readonly details?: { range?: { start: number; end: number } },
  ) {
    super(message);
  }
}
