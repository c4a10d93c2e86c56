import type { EncodedData, WireRecord } from '@kafka-inspector/shared';
import { useState } from 'react';
import { copyText } from '../bridge/platform';
import { activeProfile } from '../store/cluster-slice';
import { kcatCommand, kcatProduceCommand } from '../store/kcat-command';
import { recordLink } from '../store/record-link';
import { plainRecord } from '../store/record-shape';
import { cappedResendReason } from './record-facts';
import { useInspector } from './store-context';

const hasPreview = (record: WireRecord) => !!(record.value?.truncated || record.key?.truncated || record.headers.some((h) => h.value?.truncated));

const plainText = (data: EncodedData | null) => (data === null ? '' : data.encoding === 'binary' ? data.base64 : data.text);

/** What a copy button says it copies: a preview is never called the value, bytes are said to be base64. */
export function copyLabel(what: 'value' | 'key', data: EncodedData | null): string {
  if (data?.truncated) return `Copy ${what} preview`;
  if (data?.encoding === 'binary') return `Copy ${what} (base64)`;
  return `Copy ${what}`;
}

/** Copy (value, key, record, kcat commands, link) and resend, for the record shown (whole when loaded). */
export function RecordActions({ record, original }: { record: WireRecord; original: WireRecord }) {
  const editRecord = useInspector((s) => s.editRecord);
  const loadFull = useInspector((s) => s.loadFullRecord);
  const profile = useInspector((s) => (s.connection.status === 'open' ? activeProfile(s.connection.welcome, s.preferences.cluster) : undefined));
  const brokers = profile?.brokers ?? [];
  const [said, setSaid] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const tell = (message: string) => {
    setSaid(message);
    setTimeout(() => setSaid(null), 2000);
  };
  const copy = (message: string, text: string) => void copyText(text).then(() => tell(message));
  const copied = (what: 'value' | 'key', data: EncodedData | null) =>
    data?.truncated ? `copied the ${what} preview (not the whole ${what})` : data?.encoding === 'binary' ? `copied the ${what} as base64` : `copied the ${what}`;
  // A record over the companion's decoding caps was read in part: neither resent nor rebuilt as if whole.
  const partial = cappedResendReason(record) ?? cappedResendReason(original);
  const produce = partial ? null : kcatProduceCommand(record, brokers);

  const resend = async () => {
    setProblem(null);
    if (partial) return setProblem(partial);
    // Never a preview: the whole record is read first (the companion would refuse a truncated value anyway).
    const whole = hasPreview(record) ? await loadFull(original) : record;
    if (!whole || hasPreview(whole)) return setProblem('The full value could not be loaded, so it cannot be resent.');
    const reason = cappedResendReason(whole);
    if (reason) return setProblem(reason);
    editRecord(whole);
  };

  return (
    <div className="actions" role="group" aria-label="Record actions">
      <button type="button" onClick={() => copy(copied('value', record.value), plainText(record.value))} disabled={record.value === null}>
        {copyLabel('value', record.value)}
      </button>
      <button type="button" onClick={() => copy(copied('key', record.key), plainText(record.key))} disabled={record.key === null}>
        {copyLabel('key', record.key)}
      </button>
      <button type="button" onClick={() => copy('copied the record as JSON (the shape of exports)', JSON.stringify(plainRecord(record), null, 2))} data-testid="copy-record">
        Copy record JSON
      </button>
      <button type="button" onClick={() => copy('copied a kcat command that reads this record', kcatCommand(record, brokers))}>
        Copy kcat read
      </button>
      <button type="button" onClick={() => produce && copy('copied a kcat command that produces this record again', produce)} disabled={!produce} title={produce ? 'kcat -P with the same partition, key, headers and value bytes' : partial ? 'Only part of this record was read' : record.value === null ? 'kcat cannot produce a tombstone (null value)' : 'Load the full value first'}>
        Copy kcat produce
      </button>
      <button type="button" onClick={() => copy('copied a link that opens this record', recordLink(location, { topic: record.topic, partition: record.partition, offset: record.offset, ...(profile && !profile.default ? { cluster: profile.name } : {}) }))} data-testid="copy-link">
        Copy link
      </button>
      <button type="button" className="primary" onClick={() => void resend()} disabled={!!partial} aria-describedby={partial ? 'resend-unavailable' : undefined} data-testid="edit-resend">
        Edit and resend
      </button>
      <span className="muted" role="status" data-testid="copy-status">
        {said}
      </span>
      {partial && (
        <p className="muted full" id="resend-unavailable" data-testid="resend-unavailable">
          {partial}
        </p>
      )}
      {problem && (
        <p className="error full" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
