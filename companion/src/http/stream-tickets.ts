import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Stream tickets: `EventSource` cannot send an Authorization header, and the long-lived pairing
 * token must not sit in URLs (history, logs, Referer). An authenticated POST gets a ticket that
 * - reads one topic of one cluster, nothing else (no produce, no admin);
 * - must be first used within FIRST_USE_MS, once (single use: a second open without a resume
 *   position is refused);
 * - lets the same EventSource reconnect by itself (its retries carry Last-Event-ID) within LEASE_MS,
 *   one connection at a time: a reconnect replaces the connection it resumes.
 * Tickets are HMAC-signed with a key derived from the pairing token, so a restarted companion
 * (same token) honours an EventSource's reconnect; a new token voids them all.
 */
export const FIRST_USE_MS = 30_000;
export const LEASE_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

export interface TicketScope {
  cluster: string;
  topic: string;
}

export type Redeemed = { ok: true; nonce: string } | { ok: false; reason: string };

interface Tracked {
  leaseEnd: number;
  close: (() => void) | null;
}

export class StreamTickets {
  private readonly key: Buffer;
  private readonly used = new Map<string, Tracked>();

  constructor(
    token: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createHmac('sha256', token).update('kafka-inspector/stream-ticket/v1').digest();
  }

  issue(scope: TicketScope): { ticket: string; expiresAt: string; leaseEndsAt: string } {
    const now = this.now();
    const firstUse = now + FIRST_USE_MS;
    const leaseEnd = now + LEASE_MS;
    const nonce = randomBytes(18).toString('base64url');
    const head = `${firstUse.toString(36)}.${leaseEnd.toString(36)}.${nonce}`;
    return { ticket: `${head}.${this.mac(head, scope)}`, expiresAt: new Date(firstUse).toISOString(), leaseEndsAt: new Date(leaseEnd).toISOString() };
  }

  /**
   * Checks a ticket for a stream of `scope`; `resuming` when the request carries a resume
   * position. On success the caller registers the connection with `attach`.
   */
  redeem(ticket: string, scope: TicketScope, resuming: boolean): Redeemed {
    const parts = ticket.split('.');
    if (parts.length !== 4 || ticket.length > 200) return { ok: false, reason: 'malformed stream ticket' };
    const [firstUseText, leaseEndText, nonce, mac] = parts as [string, string, string, string];
    const expected = Buffer.from(this.mac(`${firstUseText}.${leaseEndText}.${nonce}`, scope));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid stream ticket (or one for another topic)' };
    const now = this.now();
    this.prune(now);
    const tracked = this.used.get(nonce);
    if (!resuming) {
      if (now > parseInt(firstUseText, 36)) return { ok: false, reason: 'stream ticket expired: get a new one (POST /stream/tickets)' };
      if (tracked) return { ok: false, reason: 'stream ticket already used: get a new one per stream' };
    } else if (now > parseInt(leaseEndText, 36)) {
      return { ok: false, reason: 'stream ticket lease is over: get a new ticket and resume with lastEventId' };
    }
    if (!tracked && this.used.size >= MAX_TRACKED) return { ok: false, reason: 'too many live stream tickets' };
    // One connection per ticket: a reconnect replaces the connection it resumes.
    tracked?.close?.();
    this.used.set(nonce, { leaseEnd: parseInt(leaseEndText, 36), close: null });
    return { ok: true, nonce };
  }

  /** The open connection of a ticket, closed if a reconnect with the same ticket arrives. */
  attach(nonce: string, close: () => void): () => void {
    const tracked = this.used.get(nonce);
    if (tracked) tracked.close = close;
    return () => {
      const current = this.used.get(nonce);
      if (current?.close === close) current.close = null;
    };
  }

  private mac(head: string, scope: TicketScope): string {
    return createHmac('sha256', this.key).update(`${head}|${scope.cluster}|${scope.topic}`).digest('base64url');
  }

  private prune(now: number) {
    for (const [nonce, tracked] of this.used) if (tracked.leaseEnd < now && !tracked.close) this.used.delete(nonce);
  }
}
