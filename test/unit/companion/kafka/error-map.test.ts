import { describe, expect, it } from 'vitest';
import { toGatewayError } from '../../../../companion/src/kafka/error-map';

describe('toGatewayError', () => {
  it.each([
    [{ name: 'KafkaJSProtocolError', type: 'UNKNOWN_TOPIC_OR_PARTITION', message: 'This server does not host this topic-partition' }, 'NOT_FOUND'],
    [{ name: 'KafkaJSConnectionError', message: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092' }, 'KAFKA_UNAVAILABLE'],
    [{ name: 'KafkaJSNumberOfRetriesExceeded', message: 'x', originalError: { name: 'KafkaJSConnectionError', message: 'ECONNREFUSED' } }, 'KAFKA_UNAVAILABLE'],
    [{ name: 'KafkaJSRequestTimeoutError', message: 'Request Metadata(key: 3, version: 6) timed out' }, 'TIMEOUT'],
    [{ name: 'KafkaJSNonRetriableError', message: 'The Kafka server does not support the requested API version' }, 'UNSUPPORTED_BY_BROKER'],
    [{ name: 'KafkaJSProtocolError', type: 'POLICY_VIOLATION', message: 'nope' }, 'KAFKA_ERROR'],
    [{ name: 'KafkaJSSASLAuthenticationError', message: 'SASL PLAIN authentication failed: Authentication failed: Invalid username or password' }, 'KAFKA_AUTH_FAILED'],
    [{ name: 'KafkaJSNumberOfRetriesExceeded', message: 'x', originalError: { name: 'KafkaJSSASLAuthenticationError', message: 'SASL SCRAM SHA512 authentication failed' } }, 'KAFKA_AUTH_FAILED'],
    [{ name: 'KafkaJSProtocolError', type: 'SASL_AUTHENTICATION_FAILED', message: 'Authentication failed' }, 'KAFKA_AUTH_FAILED'],
    [{ name: 'KafkaJSNumberOfRetriesExceeded', message: 'Connection error: self-signed certificate in certificate chain' }, 'KAFKA_TLS_FAILED'],
    [{ name: 'KafkaJSConnectionError', message: 'Connection error: unable to verify the first certificate' }, 'KAFKA_TLS_FAILED'],
    [{ name: 'KafkaJSConnectionError', message: 'Connection error: Client network socket disconnected before secure TLS connection was established' }, 'KAFKA_TLS_FAILED'],
    [{ name: 'KafkaJSConnectionClosedError', message: 'Closed connection' }, 'KAFKA_UNAVAILABLE'],
    // Issue 16: a broker that accepts TCP and never answers ApiVersions (KafkaJS's plain Error).
    [{ name: 'Error', message: 'Broker not connected' }, 'KAFKA_UNAVAILABLE'],
  ])('%j -> %s', (error, code) => {
    expect(toGatewayError(error).code).toBe(code);
  });
});
