import type { ErrorCode, WireError } from '@kafka-inspector/shared';
import { EncodeError } from '../codec/encode';
import { FilterError } from '../filter/filter';
import { GatewayError } from '../kafka/gateway';

/** An error the session raises itself, already carrying its protocol code. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Maps anything thrown while serving a request to the wire. Unknown errors are INTERNAL (and logged). */
export function toWireError(error: unknown): WireError {
  if (error instanceof RequestError || error instanceof GatewayError) return withDetails({ code: error.code, message: error.message }, error.details);
  if (error instanceof FilterError) return withDetails({ code: 'INVALID_FILTER', message: error.message }, error.details);
  if (error instanceof EncodeError) return { code: 'BAD_FRAME', message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

function withDetails(error: WireError, details: Record<string, unknown> | undefined): WireError {
  return details ? { ...error, details } : error;
}
