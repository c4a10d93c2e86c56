import type { EncodedData, WireRecord } from '@kafka-inspector/shared';

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A kcat command that reads exactly this record again. */
export function kcatCommand(record: WireRecord, brokers: string[]): string {
  return `kcat -C -b ${shellQuote(brokers.join(','))} -t ${shellQuote(record.topic)} -p ${record.partition} -o ${record.offset} -c 1 -J`;
}

/** Shell that prints these exact bytes (base64 decoded for bytes that are not UTF-8). */
const bytesOf = (data: EncodedData) => (data.encoding === 'binary' ? `printf '%s' ${shellQuote(data.base64)} | base64 -d` : `printf '%s' ${shellQuote(data.text)}`);

/**
 * A kcat command that produces this record again: same partition, key, headers and value bytes.
 * kcat sends each file argument whole as one message (stdin would be split at newlines), and it
 * maps the file, so the value goes through a temporary file, not a pipe. kcat's -k and -H
 * take text only: a binary key or header is said in a comment, not silently changed. Null when the
 * record holds only a preview of its value (load the full value first), and for a tombstone.
 */
export function kcatProduceCommand(record: WireRecord, brokers: string[]): string | null {
  if (record.value?.truncated || record.key?.truncated || record.headers.some((h) => h.value?.truncated)) return null;
  const parts = [`kcat -P -b ${shellQuote(brokers.join(','))} -t ${shellQuote(record.topic)} -p ${record.partition}`];
  const notes: string[] = [];
  if (record.key?.encoding === 'binary') notes.push('# the key is binary (base64 ' + record.key.base64 + '): kcat -k cannot send it');
  else if (record.key) parts.push(`-k ${shellQuote(record.key.text)}`);
  for (const header of record.headers) {
    if (header.value?.encoding === 'binary') notes.push(`# header ${header.key} is binary (base64 ${header.value.base64}): kcat -H cannot send it`);
    else parts.push(`-H ${shellQuote(`${header.key}=${header.value?.text ?? ''}`)}`);
  }
  // Tried with Debian's kcat 1.7 against the test broker: neither an empty file nor an empty line
  // with -Z produced anything, so no command is offered for a tombstone (the panel says so).
  if (record.value === null) return null;
  return [...notes, `f=$(mktemp) && ${bytesOf(record.value)} > "$f" && ${parts.join(' ')} "$f"; rm -f "$f"`].join('\n');
}
