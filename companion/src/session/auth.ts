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
 * The global budget of failed pairings (issue 16, security 4): a token bucket shared by every
 * socket (and the HTTP bridge), so parallel sockets guess no faster than one.
 *
 * A burst of `burst` failures is answered after `baseDelayMs`; after that each failure waits for
 * its own refill (`perSecond`), so clients that wait for their answer get at most `perSecond` wrong
 * answers a second between them, however many sockets they open. A right token never touches the
 * budget: it is checked, and pairs, at once. When more than `maxWaiting` failures are already in
 * debt, further failures are answered at once with RATE_LIMITED rather than held open.
 *
 * What this cannot do: the right token pairs at once, so a client that gives up on a silent socket
 * learns its guess was wrong without waiting. Such a client is limited only by how fast the
 * companion accepts connections; that is why tokens shorter than MIN_TOKEN_LENGTH are refused
 * (config/token.ts). Refusing to check hellos instead would let any local process lock the real
 * user out with one wrong guess a second.
 */
export interface PairingLimits {
  burst: number;
  perSecond: number;
  maxWaiting: number;
  baseDelayMs: number;
}

export const PAIRING_LIMITS: PairingLimits = { burst: 10, perSecond: 1, maxWaiting: 64, baseDelayMs: 300 };

export class FailedPairings {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limits: PairingLimits = PAIRING_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limits.burst;
    this.last = now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.last) / 1000) * this.limits.perSecond);
    this.last = now;
  }

  /** A failed pairing: how long to wait before answering it, or null when it must be answered RATE_LIMITED now. */
  failure(): number | null {
    this.refill();
    if (this.tokens - 1 < -this.limits.maxWaiting) return null;
    this.tokens -= 1;
    return this.limits.baseDelayMs + Math.ceil((Math.max(0, -this.tokens) / this.limits.perSecond) * 1000);
  }

  /** A failed pairing, as a delay only (the longest one when the budget is exhausted). */
  fail(): number {
    return this.failure() ?? this.limits.baseDelayMs + Math.ceil((this.limits.maxWaiting / this.limits.perSecond) * 1000);
  }

  /** How long until a failure would be answered without RATE_LIMITED again. */
  retryAfterMs(): number {
    this.refill();
    return Math.max(0, Math.ceil(((-this.limits.maxWaiting + 1 - this.tokens) / this.limits.perSecond) * 1000));
  }

  /** Kept for callers; a success does not refill the budget (it is not the attacker's to spend). */
  succeed(): void {}
}
