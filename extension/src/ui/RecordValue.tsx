import type { EncodedData, WireRecord } from '@kafka-inspector/shared';
import type { ValueView } from '../store/preferences-slice';
import { prettyJson } from '../store/produce-slice';
import { fullKey } from '../store/record-reads-slice';
import { shownData } from '../store/decoded-view';
import { valueViews } from '../store/value-view';
import { dataBytes, formatBytes, hexDump } from './format';
import { JsonTree } from './JsonTree';
import { Highlight } from './Highlight';
import { useInspector } from './store-context';

function DataView({ data, view }: { data: EncodedData; view: ValueView }) {
  if (view === 'hex') return <pre className="code hex">{hexDump(dataBytes(data))}</pre>;
  if (view === 'tree' && data.encoding === 'json') return <div className="code json-tree" data-testid="json-tree"><JsonTree value={JSON.parse(data.text)} /></div>;
  // A JSON preview is cut mid-value and cannot be re-indented: shown as it came.
  return <pre className="code" data-testid="value-text">{data.encoding === 'binary' ? data.base64 : <Highlight text={data.encoding === 'json' && !data.truncated ? prettyJson(data.text) : data.text} />}</pre>;
}

/** "json · 658.0 KB", and whether what is shown is a preview of it. */
export function valueSummary(data: EncodedData): string {
  const kind = data.encoding === 'binary' ? 'binary' : data.encoding;
  const shownBytes = data.encoding === 'binary' ? Math.floor((data.base64.length * 3) / 4) : new TextEncoder().encode(data.text).length;
  return data.truncated ? `${kind} · ${formatBytes(data.size)} · preview: the first ${formatBytes(shownBytes)}` : `${kind} · ${formatBytes(data.size)}`;
}

/**
 * The value of a record: its summary, a tree, text or hex view (only those that fit it), and for
 * a preview, a button that loads the whole value from the companion.
 */
export function RecordValue({ record, original }: { record: WireRecord; original: WireRecord }) {
  const chosen = useInspector((s) => s.preferences.valueView);
  const setPreferences = useInspector((s) => s.setPreferences);
  const loadFull = useInspector((s) => s.loadFullRecord);
  const read = useInspector((s) => s.reads.full[fullKey(original)]);
  const value = record.value;
  // Decoded (Avro, Protobuf, ...) when the companion could; hex always shows the bytes as stored.
  const readable = value ? shownData(value) : null;
  const views = readable ? valueViews(readable, chosen) : null;

  return (
    <>
      <div className="section-head">
        <h3>
          Value <span className="muted" data-testid="value-summary">{value ? valueSummary(value) : 'tombstone'}</span>
        </h3>
        {views && (
          <div className="segmented" role="group" aria-label="Value view">
            {(['tree', 'text', 'hex'] as const).map((v) => (
              <button key={v} type="button" className={views.shown === v ? 'on' : ''} aria-pressed={views.shown === v} disabled={!views.available.includes(v)} onClick={() => setPreferences({ valueView: v })}>
                {v}
              </button>
            ))}
          </div>
        )}
        {value?.truncated && (
          <button type="button" onClick={() => void loadFull(original)} disabled={read?.status === 'loading'} data-testid="load-full-value">
            {read?.status === 'loading' ? 'Loading the full value…' : `Load full value (${formatBytes(value.size)})`}
          </button>
        )}
      </div>
      {read?.status === 'error' && (
        <p className="error" role="alert">
          Could not load the full value: {read.error}
        </p>
      )}
      {value && readable && views ? <DataView data={views.shown === 'hex' ? value : readable} view={views.shown} /> : <p className="muted">No value: this record deletes its key in a compacted topic.</p>}
    </>
  );
}
