import { GatewayError } from './gateway';

interface KafkaJsLikeError {
  name?: string;
  type?: string;
  message?: string;
  retriable?: boolean;
}

const AUTH_TYPES = new Set(['SASL_AUTHENTICATION_FAILED', 'ILLEGAL_SASL_STATE', 'UNSUPPORTED_SASL_MECHANISM', 'CLUSTER_AUTHORIZATION_FAILED']);
/** Node's TLS failures: certificate checks (by code or OpenSSL's words) and handshake alerts. */
const TLS_FAILURE = /certificate|CERT_|SSL routines|tlsv1 alert|alert (?:bad|unknown|handshake|certificate)|secure TLS connection|wrong version number|EPROTO|handshake failure/i;
const NOT_FOUND_TYPES = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'GROUP_ID_NOT_FOUND', 'TOPIC_AUTHORIZATION_FAILED_NOT_FOUND']);
const UNSUPPORTED_TYPES = new Set(['UNSUPPORTED_VERSION', 'INVALID_REQUEST']);
const UNAVAILABLE_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSNonRetriableError',
  'KafkaJSLockTimeout',
]);

/**
 * Maps a KafkaJS error (or anything thrown beneath the gateway) to a GatewayError with a protocol
 * code. The message is KafkaJS's own text, which never carries SASL credentials.
 */
export function toGatewayError(error: unknown, context?: string): GatewayError {
  if (error instanceof GatewayError) return error;
  const e = (error ?? {}) as KafkaJsLikeError & { originalError?: KafkaJsLikeError; cause?: KafkaJsLikeError };
  // KafkaJS wraps the last failure of its retrier; classify by the innermost cause.
  const inner = e.name === 'KafkaJSNumberOfRetriesExceeded' && e.originalError ? e.originalError : e;
  const message = `${context ? `${context}: ` : ''}${inner.message ?? String(error)}`;
  if (inner.name === 'KafkaJSSASLAuthenticationError' || (inner.type && AUTH_TYPES.has(inner.type))) {
    return new GatewayError('KAFKA_AUTH_FAILED', `${context ? `${context}: ` : ''}authentication failed: ${inner.message ?? 'refused by the cluster'}`);
  }
  if (TLS_FAILURE.test(inner.message ?? '') || TLS_FAILURE.test(e.cause?.message ?? '')) return new GatewayError('KAFKA_TLS_FAILED', `${message} (TLS)`);
  if (inner.type && NOT_FOUND_TYPES.has(inner.type)) return new GatewayError('NOT_FOUND', message);
  if (inner.type && UNSUPPORTED_TYPES.has(inner.type)) return new GatewayError('UNSUPPORTED_BY_BROKER', message);
  if (inner.name === 'KafkaJSRequestTimeoutError') return new GatewayError('TIMEOUT', message);
  // KafkaJS's words when a broker took the TCP connection but never finished its handshake
  // (ApiVersions went unanswered): the broker is not usable, which is an outage, not one slow request.
  if (/^Broker not connected$/.test(inner.message ?? '')) {
    return new GatewayError('KAFKA_UNAVAILABLE', `${context ? `${context}: ` : ''}no answer from the broker: it accepted the connection but did not answer Kafka's first request (ApiVersions)`, { reason: 'NO_ANSWER' });
  }
  if (inner.name === 'KafkaJSServerDoesNotSupportApiKey' || /not support|Broker \d+ not found|Not implemented/i.test(inner.message ?? '')) return new GatewayError('UNSUPPORTED_BY_BROKER', message);
  if ((inner.name && UNAVAILABLE_NAMES.has(inner.name)) || (e.name && UNAVAILABLE_NAMES.has(e.name)) || /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Connection timeout/i.test(message)) {
    return new GatewayError('KAFKA_UNAVAILABLE', message);
  }
  return new GatewayError('KAFKA_ERROR', message, inner.type ? { kafkaError: inner.type } : undefined);
}
