import { useMemo, useRef } from 'react';
import { produceAllowed } from '../store/glob';
import { emptyForm, prettyJson, type ProduceHeader, validateForm, type ValueMode } from '../store/produce-slice';
import { SchemaPicker } from './SchemaPicker';
import { ProduceProgress } from './ProduceProgress';
import { useInspector } from './store-context';
import { useSubmitShortcut } from './use-keys';

export function ProduceView() {
  const { form, sending, result, error, ms } = useInspector((s) => s.produce);
  const set = useInspector((s) => s.setProduceForm);
  const send = useInspector((s) => s.sendProduce);
  const topics = useInspector((s) => s.topics.list);
  const templates = useInspector((s) => s.preferences.templates);
  const capabilities = useInspector((s) => (s.connection.status === 'open' ? s.connection.welcome.capabilities : undefined));
  const allowed = produceAllowed(capabilities, form.topic);
  const partitions = topics.find((t) => t.name === form.topic)?.partitions ?? 0;
  const jsonProblem = useMemo(() => (form.valueMode === 'json' && !form.tombstone ? validateForm({ ...form, topic: form.topic || 'x', copies: 1, headers: [] }) : null), [form]);

  const card = useRef<HTMLDivElement>(null);
  useSubmitShortcut(card, () => {
    if (!sending && allowed.ok) void send();
  });

  const chooseTopic = (topic: string) => set(templates[topic] ? { ...templates[topic], topic } : { topic, partition: '' });

  return (
    <div className="produce scroll" data-testid="produce-view">
      <div className="card produce-card" ref={card}>
        <div className="row">
          <label className="grow">
            Topic
            <input list="produce-topics" value={form.topic} onChange={(e) => chooseTopic(e.target.value)} data-testid="produce-topic" spellCheck={false} />
            <datalist id="produce-topics">
              {topics.filter((t) => !t.internal).map((t) => (
                <option key={t.name} value={t.name} />
              ))}
            </datalist>
          </label>
          <label>
            Partition
            <select value={form.partition} onChange={(e) => set({ partition: e.target.value })} data-testid="produce-partition">
              <option value="">auto (by key)</option>
              {Array.from({ length: partitions }, (_, p) => (
                <option key={p} value={String(p)}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label>
            Copies
            <input type="number" min={1} max={10000} value={form.copies} onChange={(e) => set({ copies: Number(e.target.value) })} data-testid="produce-copies" />
          </label>
        </div>
        <div className="row">
          <label className="grow">
            Key
            <input value={form.key} disabled={form.keyIsNull} onChange={(e) => set({ key: e.target.value })} data-testid="produce-key" spellCheck={false} />
          </label>
          <label className="check">
            <input type="checkbox" checked={form.keyIsNull} onChange={(e) => set({ keyIsNull: e.target.checked })} /> null key
          </label>
          {form.keyIsBase64 && (
            <label className="check">
              <input type="checkbox" checked onChange={() => set({ keyIsBase64: false })} /> key is base64 (bytes)
            </label>
          )}
        </div>
        <SchemaPicker part="key" />
        <div className="section-head">
          <span className="label">Value</span>
          <div className="segmented" role="group" aria-label="Value format">
            {(['json', 'text', 'base64'] as ValueMode[]).map((mode) => (
              <button key={mode} type="button" className={form.valueMode === mode ? 'on' : ''} onClick={() => set({ valueMode: mode })} disabled={form.tombstone}>
                {mode}
              </button>
            ))}
          </div>
          {form.valueMode === 'json' && (
            <button type="button" onClick={() => set({ value: prettyJson(form.value) })} disabled={form.tombstone || !!jsonProblem}>
              Format
            </button>
          )}
          <label className="check">
            <input type="checkbox" checked={form.tombstone} onChange={(e) => set({ tombstone: e.target.checked })} data-testid="produce-tombstone" /> tombstone (null value)
          </label>
        </div>
        <SchemaPicker part="value" />
        <textarea className="code editor" aria-label="Value" value={form.tombstone ? '' : form.value} disabled={form.tombstone} onChange={(e) => set({ value: e.target.value })} spellCheck={false} rows={10} data-testid="produce-value" />
        {jsonProblem && <p className="hint warn">{jsonProblem}</p>}
        <div className="section-head">
          <span className="label">Headers</span>
          <button type="button" onClick={() => set({ headers: [...form.headers, { key: '', value: '' }] })} data-testid="add-header">
            + Header
          </button>
        </div>
        {form.headers.map((header, i) => {
          const change = (edit: Partial<ProduceHeader>) => set({ headers: form.headers.map((h, j) => (j === i ? { ...h, ...edit } : h)) });
          const n = i + 1;
          return (
            <div className="row header-row" key={i}>
              <input placeholder="name" aria-label={`Header ${n} name`} value={header.key} onChange={(e) => change({ key: e.target.value })} data-testid="header-key" />
              <input className="grow" placeholder={header.isNull ? 'null' : 'value'} aria-label={`Header ${n} value`} value={header.value} disabled={header.isNull} onChange={(e) => change({ value: e.target.value })} data-testid="header-value" />
              {/* A resent header keeps its bytes: binary as base64, no value as null; unticking makes it text. */}
              {header.base64 && (
                <label className="check">
                  <input type="checkbox" checked aria-label={`Header ${n} value is base64 (bytes)`} onChange={() => change({ base64: false })} /> base64
                </label>
              )}
              {header.isNull && (
                <label className="check">
                  <input type="checkbox" checked aria-label={`Header ${n} value is null`} onChange={() => change({ isNull: false })} /> null
                </label>
              )}
              <button type="button" className="link" onClick={() => set({ headers: form.headers.filter((_, j) => j !== i) })} title="Remove header" aria-label={`Remove header ${n}`}>
                ×
              </button>
            </div>
          );
        })}
        <div className="actions">
          <button className="primary" disabled={sending || !allowed.ok} onClick={() => void send()} data-testid="produce-send" title={allowed.ok ? 'Send (Ctrl+Enter, ⌘+Enter)' : allowed.reason} aria-keyshortcuts="Control+Enter Meta+Enter">
            {sending ? 'Sending…' : form.copies > 1 ? `Send ${form.copies} records` : 'Send'}
          </button>
          <ProduceProgress />
          <button type="button" onClick={() => set(emptyForm())}>
            Reset
          </button>
          {!allowed.ok && (
            <span className="warn" data-testid="produce-disabled-reason">
              {allowed.reason}
            </span>
          )}
        </div>
        {error && (
          <p className="error" role="alert" data-testid="produce-error">
            {error}
          </p>
        )}
        {result && (
          <div className="notice ok" data-testid="produce-result">
            Sent {result.length} record{result.length === 1 ? '' : 's'}
            {ms !== null ? ` in ${Math.round(ms)} ms` : ''}:{' '}
            {result.slice(0, 5).map((r) => `p${r.partition} @ ${r.offset}`).join(', ')}
            {result.length > 5 ? ', …' : ''}
          </div>
        )}
      </div>
    </div>
  );
}
