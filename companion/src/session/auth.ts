import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time token check. Both sides are hashed first, so the comparison takes the same time
 * whatever the length or content of the guess.
 */
export function tokenMatches(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/**
 * Slows down guessing: each failed pairing in this process waits longer before its answer
 * (300 ms, growing, capped at 3 s); a success resets it.
 */
export class FailedPairings {
  private failures = 0;

  delayMs(): number {
    return Math.min(3000, 300 * 2 ** Math.min(this.failures, 4));
  }

  fail(): number {
    const delay = this.delayMs();
    this.failures++;
    return delay;
  }

  succeed(): void {
    this.failures = 0;
  }
}
