import type { WireRecord } from '@kafka-inspector/shared';

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A kcat command that reads exactly this record again. */
export function kcatCommand(record: WireRecord, brokers: string[]): string {
  return `kcat -C -b ${shellQuote(brokers.join(','))} -t ${shellQuote(record.topic)} -p ${record.partition} -o ${record.offset} -c 1 -J`;
}
