import { GatewayError } from './gateway';

/** What became of one record of a produce: its offset, or why its partition's send failed. */
export type ProducedRecord = { partition: number; offset: string } | { partition: number; error: GatewayError };

/** How one partition's send ended: the offset Kafka gave its first record, or the error. */
export type PartitionOutcome = { baseOffset: bigint } | { error: GatewayError };

/** Each record's index in the request, by partition, in request order (one send per partition keeps that order). */
export function indexesByPartition(partitions: number[]): Map<number, number[]> {
  const byPartition = new Map<number, number[]>();
  partitions.forEach((partition, index) => byPartition.get(partition)?.push(index) ?? byPartition.set(partition, [index]));
  return byPartition;
}

/**
 * Per record, in request order: the offset that follows from its partition's base offset and its
 * place among that partition's records, or its partition's error. When nothing was written the
 * whole produce fails with the first partition's error, as a single send would: a partial outcome
 * is only ever reported when some records really were written.
 */
export function producedRecords(partitions: number[], outcomes: ReadonlyMap<number, PartitionOutcome>): ProducedRecord[] {
  const failures = [...outcomes.values()].filter((outcome): outcome is { error: GatewayError } => 'error' in outcome);
  if (failures.length > 0 && failures.length === outcomes.size) throw failures[0]!.error;
  const seen = new Map<number, bigint>();
  return partitions.map((partition) => {
    const outcome = outcomes.get(partition);
    if (!outcome) throw new Error(`no outcome for partition ${partition}`);
    if ('error' in outcome) return { partition, error: outcome.error };
    const index = seen.get(partition) ?? 0n;
    seen.set(partition, index + 1n);
    return { partition, offset: (outcome.baseOffset + index).toString() };
  });
}
