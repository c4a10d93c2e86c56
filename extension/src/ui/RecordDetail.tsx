import { useRef } from 'react';
import type { WireRecord } from '@kafka-inspector/shared';
import { fullKey } from '../store/record-reads-slice';
import { CorrelationRecordLink } from './CorrelationRecordLink';
import { formatBytes, formatCount } from './format';
import { RecordActions } from './RecordActions';
import { RecordValue } from './RecordValue';
import { SchemaDecodedAs } from './SchemaDecodedAs';
import { Highlight } from './Highlight';
import { useInspector } from './store-context';
import { TimeText } from './TimeText';
import { cappedFacts, timestampTypeText } from './record-facts';
import { useEscapeToClose } from './use-keys';
import { shownData } from '../store/decoded-view';

/** One record in full: value as a tree, text or hex (whole once loaded); headers; copy and resend. */
export function RecordDetail({ record }: { record: WireRecord }) {
  const select = useInspector((s) => s.selectRecord);
  const closeOpened = useInspector((s) => s.closeOpenedRecord);
  // The whole record once "Load full value" read it; until then the tail's preview.
  const full = useInspector((s) => s.reads.full[fullKey(record)]);
  const shown = full?.status === 'loaded' ? full.record : record;
  const key = record.key && shownData(record.key);
  const close = () => {
    select(null);
    closeOpened();
  };
  const clock = timestampTypeText(record.timestampType);
  const capped = cappedFacts(record);
  const pane = useRef<HTMLElement>(null);
  useEscapeToClose(pane, close);

  return (
    <section className="pane detail-pane record-detail" data-testid="record-detail" ref={pane}>
      <div className="toolbar">
        <h2>
          {record.topic} <span className="muted">· p{record.partition} · #{record.offset}</span>
        </h2>
        <button className="link close" onClick={close} title="Close (Esc)" aria-label="Close the record">
          ×
        </button>
      </div>
      <div className="scroll">
        <dl className="facts">
          <dt>Time</dt>
          <dd>
            <TimeText timestamp={record.timestamp} type={record.timestampType} detailed />
            {clock && (
              <span className="muted" data-testid="timestamp-type">
                {' '}
                · {clock}
              </span>
            )}
          </dd>
          <dt>Key</dt>
          <dd className="mono" data-testid="detail-key">{key === null ? <i className="muted">null</i> : key.encoding === 'binary' ? `base64 ${key.base64}` : <Highlight text={key.text} />}</dd>
          <dt>Size</dt>
          <dd>{formatBytes(record.size)}</dd>
        </dl>
        {capped.length > 0 && (
          <p className="notice warn-notice" role="note" data-testid="capped-facts">
            Only part of this record was read: it is over the companion&apos;s decoding caps. {capped.map((fact) => `${fact[0]!.toUpperCase()}${fact.slice(1)}.`).join(' ')}
          </p>
        )}
        <SchemaDecodedAs record={shown} />
        <RecordValue record={shown} original={record} />
        <h3>
          Headers <span className="muted">{record.capped?.headers !== undefined ? `the first ${formatCount(record.headers.length)} of ${formatCount(record.capped.headers)}` : record.headers.length}</span>
        </h3>
        {record.headers.length > 0 ? (
          <table className="grid compact" data-testid="detail-headers">
            <tbody>
              {record.headers.map((h, i) => (
                <tr key={`${h.key}-${i}`}>
                  <td className="mono">
                    <Highlight text={h.key} />
                  </td>
                  <td className="mono">{h.value === null ? <i className="muted">null</i> : h.value.encoding === 'binary' ? `base64 ${h.value.base64}` : <Highlight text={h.value.text} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">none</p>
        )}
        <CorrelationRecordLink record={record} />
        <RecordActions record={shown} original={record} />
      </div>
    </section>
  );
}
