import type { Welcome, WireError } from '@kafka-inspector/shared';

/** Where the panel's one connection to the companion stands, as the bridge emits it. */
export type ConnectionState =
  | { status: 'idle' }
  | { status: 'connecting'; attempt: number }
  | { status: 'open'; welcome: Welcome }
  | { status: 'reconnecting'; attempt: number; retryAt: number; reason: string }
  | { status: 'unauthorized'; reason: string; error?: WireError }
  | { status: 'closed'; reason: string };

/** A request the companion refused, carrying its protocol error. */
export class RequestFailed extends Error {
  constructor(readonly error: WireError) {
    super(error.message);
    this.name = 'RequestFailed';
  }
}
