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
  ])('%j -> %s', (error, code) => {
    expect(toGatewayError(error).code).toBe(code);
  });
});
