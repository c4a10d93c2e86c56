import { z } from 'zod';

/**
 * Pairing without pasting (issue 15): the extension asks a Chrome native-messaging host, which the
 * companion installs (`kafka-inspector install-browser-host`), where the running companion is and
 * its token. One request, one reply, over Chrome's stdio framing (companion/src/native-host/framing.ts).
 * Not part of the WebSocket protocol: adding a reply type here changes no PROTOCOL_VERSION.
 */

/** The host's registered name (lowercase, dots and underscores only, as Chrome requires). */
export const NATIVE_HOST_NAME = 'dev.kafka_inspector.companion';

export const NativeHostRequestSchema = z.strictObject({ type: z.literal('find-companion') });
export type NativeHostRequest = z.infer<typeof NativeHostRequestSchema>;

export const NativeHostReplySchema = z.discriminatedUnion('type', [
  /** A companion answers /healthz: its WebSocket URL and the pairing token. */
  z.strictObject({ type: z.literal('found'), url: z.string().max(200), token: z.string().min(1).max(512) }),
  /** No companion is running for this user: `hint` says how to start one. */
  z.strictObject({ type: z.literal('not-running'), hint: z.string().max(500) }),
  /** A companion runs, but with a token given by --token or KAFKA_INSPECTOR_TOKEN, which the host never sees. */
  z.strictObject({ type: z.literal('token-not-shared'), url: z.string().max(200), hint: z.string().max(500) }),
  /** The host itself failed (unreadable files, a bad request). */
  z.strictObject({ type: z.literal('error'), message: z.string().max(500) }),
]);
export type NativeHostReply = z.infer<typeof NativeHostReplySchema>;
