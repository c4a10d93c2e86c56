import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../../companion/src/kafka/gateway';
import { indexesByPartition, type PartitionOutcome, producedRecords } from '../../../../companion/src/kafka/produce-outcomes';

const down = (partition: number) => new GatewayError('KAFKA_UNAVAILABLE', `produce to orders partition ${partition}: Connection error: connect ECONNREFUSED`);

describe('produce outcomes, one send per partition', () => {
  it('groups record indexes by partition in request order', () => {
    expect([...indexesByPartition([2, 0, 2, 1, 0])]).toEqual([
      [2, [0, 2]],
      [0, [1, 4]],
      [1, [3]],
    ]);
  });

  it('numbers each partition\'s records from its base offset, in request order', () => {
    const outcomes = new Map<number, PartitionOutcome>([
      [2, { baseOffset: 100n }],
      [0, { baseOffset: 7n }],
    ]);
    expect(producedRecords([2, 0, 2, 0, 2], outcomes)).toEqual([
      { partition: 2, offset: '100' },
      { partition: 0, offset: '7' },
      { partition: 2, offset: '101' },
      { partition: 0, offset: '8' },
      { partition: 2, offset: '102' },
    ]);
  });

  it('keeps 64-bit offsets exact', () => {
    expect(producedRecords([0, 0], new Map([[0, { baseOffset: 9007199254740993n }]]))).toEqual([
      { partition: 0, offset: '9007199254740993' },
      { partition: 0, offset: '9007199254740994' },
    ]);
  });

  it('gives the records of a failed partition its error and the others their offsets', () => {
    const error = down(1);
    const produced = producedRecords([0, 1, 0, 1], new Map<number, PartitionOutcome>([[0, { baseOffset: 5n }], [1, { error }]]));
    expect(produced).toEqual([
      { partition: 0, offset: '5' },
      { partition: 1, error },
      { partition: 0, offset: '6' },
      { partition: 1, error },
    ]);
  });

  it('fails the whole produce with the first error when nothing was written', () => {
    const first = down(0);
    expect(() => producedRecords([0, 1], new Map<number, PartitionOutcome>([[0, { error: first }], [1, { error: down(1) }]]))).toThrow(first);
  });
});
