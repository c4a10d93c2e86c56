import { z } from 'zod';

/** Stable error codes: clients switch on these, so never rename one (add new ones instead). */
export const ERROR_CODES = [
  'BAD_FRAME', // not JSON, unknown type, or fields of the wrong shape
  'UNSUPPORTED_PROTOCOL', // hello named a protocol version this server does not speak
  'UNAUTHORIZED', // missing or wrong token, or a request before hello
  'NOT_FOUND', // unknown topic, group or cluster profile
  'UNKNOWN_STREAM', // a stream id this socket does not own (or that already ended)
  'KAFKA_UNAVAILABLE', // brokers unreachable; retry later
  'KAFKA_ERROR', // the broker answered with an error
  'KAFKA_AUTH_FAILED', // the cluster refused the profile's credentials (SASL) or access; retrying will not help
  'KAFKA_TLS_FAILED', // no TLS session with the cluster: untrusted certificate, missing client certificate, or TLS on one side only
  'UNSUPPORTED_BY_BROKER', // the cluster does not implement the Kafka API this request needs
  'READ_ONLY', // the companion runs read-only: no produce, no admin
  'FORBIDDEN_TOPIC', // the topic is outside the produce allow-list
  'TOO_LARGE', // a frame or record over the configured limit
  'LIMIT_EXCEEDED', // too many streams, sockets or records for the configured limits
  'INVALID_FILTER', // the CEL expression does not parse or type-check
  'RATE_LIMITED', // too many failed pairing attempts; wait and retry
  'TIMEOUT', // the operation did not finish in time
  'SCHEMA_REGISTRY_UNAVAILABLE', // the profile has no schema registry, or it cannot be reached (or answers 5xx); retry later
  'SCHEMA_REGISTRY_ERROR', // the schema registry refused the request (e.g. 401/403: the profile's registry credentials)
  'SCHEMA_INVALID', // JSON to produce does not fit its schema: details.path points at the field
  'INTERNAL', // a bug: the message says what failed
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const WireErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;
