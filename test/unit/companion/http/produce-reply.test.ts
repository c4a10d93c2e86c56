import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../../companion/src/kafka/gateway';
import { produceReply } from '../../../../companion/src/http/rest-proxy';

describe('REST Proxy v2 produce reply', () => {
  it('writes offsets as JSON numbers, without rounding, and null errors', () => {
    expect(produceReply([{ partition: 1, offset: '9007199254740993' }])).toBe('{"offsets":[{"partition":1,"offset":9007199254740993,"error_code":null,"error":null}],"key_schema_id":null,"value_schema_id":null}');
  });

  it('gives a record that was not written a null offset and REST Proxy\'s per-record error code: 2 retriable, 1 not', () => {
    const reply = JSON.parse(
      produceReply([
        { partition: 0, offset: '4' },
        { partition: 1, error: new GatewayError('KAFKA_UNAVAILABLE', 'produce to orders partition 1: "broker" down') },
        { partition: 2, error: new GatewayError('TIMEOUT', 'produce to orders partition 2: Request Produce timed out') },
        { partition: 3, error: new GatewayError('KAFKA_ERROR', 'produce to orders partition 3: The request included message batch larger than the configured segment size', { kafkaError: 'RECORD_LIST_TOO_LARGE' }) },
      ]),
    );
    expect(reply.offsets).toEqual([
      { partition: 0, offset: 4, error_code: null, error: null },
      { partition: 1, offset: null, error_code: 2, error: 'produce to orders partition 1: "broker" down' },
      { partition: 2, offset: null, error_code: 2, error: 'produce to orders partition 2: Request Produce timed out' },
      { partition: 3, offset: null, error_code: 1, error: 'produce to orders partition 3: The request included message batch larger than the configured segment size' },
    ]);
  });
});
