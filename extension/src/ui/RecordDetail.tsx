import type { EncodedData, WireRecord } from '@kafka-inspector/shared';
import { useState } from 'react';
import { copyText } from '../bridge/platform';
import { kcatCommand } from '../store/kcat-command';
import type { ValueView } from '../store/preferences-slice';
import { prettyJson } from '../store/produce-slice';
import { CorrelationRecordLink } from './CorrelationRecordLink';
import { dataBytes, formatBytes, formatTime, hexDump } from './format';
import { JsonTree } from './JsonTree';
import { useInspector } from './store-context';

function DataView({ data, view }: { data: EncodedData; view: ValueView }) {
  if (view === 'hex' || data.encoding === 'binary') return <pre className="code hex">{hexDump(dataBytes(data))}</pre>;
  if (view === 'tree' && data.encoding === 'json' && !data.truncated) return <div className="code json-tree" data-testid="json-tree"><JsonTree value={JSON.parse(data.text)} /></div>;
  return <pre className="code">{data.encoding === 'json' ? prettyJson(data.text) : data.text}</pre>;
}

const plainText = (data: EncodedData | null) => (data === null ? '' : data.encoding === 'binary' ? data.base64 : data.text);

/** One record in full: value as a tree, text or hex; headers; copy and resend. */
export function RecordDetail({ record }: { record: WireRecord }) {
  const view = useInspector((s) => s.preferences.valueView);
  const setPreferences = useInspector((s) => s.setPreferences);
  const select = useInspector((s) => s.selectRecord);
  const editRecord = useInspector((s) => s.editRecord);
  const brokers = useInspector((s) => (s.connection.status === 'open' ? (s.connection.welcome.clusters.find((c) => c.default)?.brokers ?? []) : []));
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (what: string, text: string) => {
    void copyText(text).then(() => {
      setCopied(what);
      setTimeout(() => setCopied(null), 1200);
    });
  };

  return (
    <section className="pane detail-pane record-detail" data-testid="record-detail">
      <div className="toolbar">
        <h2>
          {record.topic} <span className="muted">· p{record.partition} · #{record.offset}</span>
        </h2>
        <button className="link close" onClick={() => select(null)} title="Close (Esc)">
          ×
        </button>
      </div>
      <div className="scroll">
        <dl className="facts">
          <dt>Time</dt>
          <dd>{formatTime(record.timestamp)}</dd>
          <dt>Key</dt>
          <dd className="mono" data-testid="detail-key">{record.key === null ? <i className="muted">null</i> : record.key.encoding === 'binary' ? `base64 ${record.key.base64}` : record.key.text}</dd>
          <dt>Size</dt>
          <dd>{formatBytes(record.size)}</dd>
        </dl>
        <div className="section-head">
          <h3>
            Value <span className="muted">{record.value ? `${record.value.encoding} · ${formatBytes(record.value.size)}${record.value.truncated ? ' · truncated' : ''}` : 'tombstone'}</span>
          </h3>
          <div className="segmented" role="group" aria-label="Value view">
            {(['tree', 'text', 'hex'] as const).map((v) => (
              <button key={v} className={view === v ? 'on' : ''} onClick={() => setPreferences({ valueView: v })}>
                {v}
              </button>
            ))}
          </div>
        </div>
        {record.value ? <DataView data={record.value} view={view} /> : <p className="muted">No value: this record deletes its key in a compacted topic.</p>}
        <h3>
          Headers <span className="muted">{record.headers.length}</span>
        </h3>
        {record.headers.length > 0 ? (
          <table className="grid compact" data-testid="detail-headers">
            <tbody>
              {record.headers.map((h, i) => (
                <tr key={`${h.key}-${i}`}>
                  <td className="mono">{h.key}</td>
                  <td className="mono">{h.value === null ? <i className="muted">null</i> : h.value.encoding === 'binary' ? `base64 ${h.value.base64}` : h.value.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">none</p>
        )}
        <CorrelationRecordLink record={record} />
        <div className="actions">
          <button onClick={() => copy('value', plainText(record.value))}>Copy value</button>
          <button onClick={() => copy('key', plainText(record.key))}>Copy key</button>
          <button onClick={() => copy('record', JSON.stringify(record, null, 2))} data-testid="copy-record">Copy record JSON</button>
          <button onClick={() => copy('kcat', kcatCommand(record, brokers))}>Copy as kcat</button>
          <button className="primary" onClick={() => editRecord(record)} data-testid="edit-resend">
            Edit and resend
          </button>
          {copied && <span className="muted">copied {copied}</span>}
        </div>
      </div>
    </section>
  );
}
