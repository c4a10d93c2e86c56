import type { ErrorCode, WireError } from '@kafka-inspector/shared';

/**
 * REST Proxy's error body: `error_code` is its five-digit code (HTTP status * 100 + a sub-code) or a
 * plain HTTP status, as REST Proxy's own framework answers; `code` is this companion's stable
 * protocol code, so a client can switch on either.
 */
export interface RestErrorBody {
  error_code: number;
  message: string;
  code: ErrorCode;
  details?: Record<string, unknown>;
}

export interface RestFailure {
  status: number;
  body: RestErrorBody;
}

/** An HTTP-level refusal raised by the bridge itself, with its status and REST Proxy error code. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RestError';
  }
}

/** REST Proxy's codes (io.confluent.kafkarest.Errors) where one fits; the HTTP status otherwise. */
const BY_CODE: Record<ErrorCode, [status: number, errorCode: number]> = {
  BAD_FRAME: [422, 422],
  UNSUPPORTED_PROTOCOL: [400, 400],
  UNAUTHORIZED: [401, 40101],
  NOT_FOUND: [404, 40401],
  UNKNOWN_STREAM: [404, 404],
  KAFKA_UNAVAILABLE: [503, 50003],
  KAFKA_ERROR: [500, 50002],
  KAFKA_AUTH_FAILED: [500, 50002],
  KAFKA_TLS_FAILED: [500, 50002],
  UNSUPPORTED_BY_BROKER: [500, 50002],
  READ_ONLY: [403, 40301],
  FORBIDDEN_TOPIC: [403, 40301],
  TOO_LARGE: [413, 413],
  LIMIT_EXCEEDED: [429, 429],
  INVALID_FILTER: [422, 422],
  RATE_LIMITED: [429, 429],
  TIMEOUT: [503, 50003],
  SCHEMA_REGISTRY_UNAVAILABLE: [503, 50003],
  SCHEMA_REGISTRY_ERROR: [500, 50002],
  SCHEMA_INVALID: [422, 42203],
  INTERNAL: [500, 500],
};

/** A protocol error as REST Proxy would answer it. NOT_FOUND about a partition is 40402, else 40401. */
export function restFailure(error: WireError): RestFailure {
  const [status, code] = BY_CODE[error.code];
  let errorCode = code;
  if (error.code === 'NOT_FOUND' && /\bpartition\b/i.test(error.message)) errorCode = 40402;
  const body: RestErrorBody = { error_code: errorCode, message: error.message, code: error.code };
  if (error.details) body.details = error.details;
  return { status, body };
}

export function restErrorFailure(error: RestError): RestFailure {
  const body: RestErrorBody = { error_code: error.errorCode, message: error.message, code: error.code };
  if (error.details) body.details = error.details;
  return { status: error.status, body };
}
