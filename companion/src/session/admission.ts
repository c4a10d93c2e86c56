/**
 * Who gets a socket (issue 16, security 1). Sockets that have not paired yet live in a small pool
 * of their own, so they can never take the places of paired sessions; paired sessions are admitted
 * up to `maxSockets` whatever the unpaired ones do.
 *
 * When the unpaired pool is full, a newcomer takes the place of the oldest socket that has not sent
 * its `hello`: holding the pool with idle sockets then only costs the holder its own sockets, and
 * the real user, whose client sends `hello` as soon as the socket opens, gets in at once. Evicting a
 * socket before its `hello` is checked gives its owner nothing (no token was tried).
 */
export const MAX_UNPAIRED_SOCKETS = 16;

export interface Admittee {
  /** Closes the socket because the pool needs its place (close code 4429). */
  evict(): void;
}

export class Admission {
  /** Sockets without a checked `hello`, oldest first (a Set keeps insertion order). */
  private readonly waiting = new Set<Admittee>();
  private readonly paired = new Set<Admittee>();

  constructor(
    private readonly maxPaired: number,
    private readonly maxUnpaired = MAX_UNPAIRED_SOCKETS,
  ) {}

  /** A new socket: always admitted to the unpaired pool, evicting the oldest waiting socket when full. */
  arrive(socket: Admittee): void {
    if (this.waiting.size >= this.maxUnpaired) {
      const oldest = this.waiting.values().next().value;
      if (oldest) {
        this.waiting.delete(oldest);
        oldest.evict();
      }
    }
    this.waiting.add(socket);
  }

  /** Its `hello` is being checked: it no longer holds a place in the waiting pool. */
  helloReceived(socket: Admittee): void {
    this.waiting.delete(socket);
  }

  /** The right token: true when a paired place is free (it is then taken). */
  pair(socket: Admittee): boolean {
    this.waiting.delete(socket);
    if (this.paired.size >= this.maxPaired) return false;
    this.paired.add(socket);
    return true;
  }

  leave(socket: Admittee): void {
    this.waiting.delete(socket);
    this.paired.delete(socket);
  }

  get counts(): { unpaired: number; paired: number } {
    return { unpaired: this.waiting.size, paired: this.paired.size };
  }
}
