import type { StartPosition } from '@kafka-inspector/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useInspector } from './store-context';
import { fromDateTimeInput, presetTime, toDateTimeInput } from './time-format';
import { TimeStartPicker } from './TimeStartPicker';
import { CelField } from './CelField';
import { SchemaDecoderPicker } from './SchemaDecoderPicker';
import { tailFormSummary } from './tail-form-summary';
import { NARROW_FORM, useNarrow } from './use-narrow';

type StartKind = StartPosition['from'];

/** What to tail: topic, partitions, where to start, and the server-side filter. */
export function TailForm() {
  const topics = useInspector((s) => s.topics.list);
  const spec = useInspector((s) => s.tail.spec);
  const startTail = useInspector((s) => s.startTail);
  const [topic, setTopic] = useState(spec?.topic ?? '');
  const [partitions, setPartitions] = useState('');
  const [from, setFrom] = useState<StartKind>('lastN');
  // One field per start kind: "100" typed for last N is not a time or an offset.
  const [params, setParams] = useState<Record<'lastN' | 'offset' | 'timestamp', string>>(() => ({ lastN: '100', offset: '0', timestamp: toDateTimeInput(presetTime('-1h', Date.now(), 'local'), 'local') }));
  const zone = useInspector((s) => s.preferences.timeZone);
  const param = from === 'lastN' || from === 'offset' || from === 'timestamp' ? params[from] : '';
  const setParam = (value: string) => setParams((p) => (from === 'lastN' || from === 'offset' || from === 'timestamp' ? { ...p, [from]: value } : p));
  const [text, setText] = useState('');
  const [cel, setCel] = useState('');
  const [limit, setLimit] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const decoders = useInspector((s) => s.preferences.decoders?.[topic]);
  const narrow = useNarrow(NARROW_FORM);
  const folded = useInspector((s) => s.preferences.tailFormCollapsed === true);
  const setPreferences = useInspector((s) => s.setPreferences);
  const status = useInspector((s) => s.tail.status);
  // Only a narrow panel folds the form, and only once a tail ran: before that, or when the start was
  // refused (a bad CEL filter, say), the fields are what is needed.
  const collapsible = narrow && !!spec && status !== 'error';
  const collapsed = collapsible && folded;

  useEffect(() => {
    if (spec?.topic) setTopic(spec.topic);
  }, [spec?.topic]);

  const start = (): StartPosition | string => {
    switch (from) {
      case 'latest':
      case 'earliest':
        return { from };
      case 'offset':
        return /^\d+$/.test(param) ? { from, offset: param } : 'The offset must be a whole number.';
      case 'lastN':
        return /^\d+$/.test(param) && Number(param) > 0 ? { from, count: Number(param) } : 'N must be a positive number.';
      case 'timestamp': {
        const time = fromDateTimeInput(param, zone);
        // Sent as a decimal string, the protocol's canonical form for 64-bit numbers.
        return time === null || time < 0 ? 'Give a date and time from 1970 on, e.g. 2026-11-24 10:00.' : { from, timestamp: String(time) };
      }
      default:
        return 'Pick a start.';
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const position = start();
    const parts = partitions.trim() ? partitions.split(',').map((p) => Number(p.trim())) : undefined;
    if (!topic) return setProblem('Choose a topic.');
    if (typeof position === 'string') return setProblem(position);
    if (parts?.some((p) => !Number.isInteger(p) || p < 0)) return setProblem('Partitions are numbers separated by commas.');
    setProblem(null);
    // Narrow, the records need the height more than the form once the tail runs.
    if (narrow) setPreferences({ tailFormCollapsed: true });
    void startTail({
      topic,
      start: position,
      ...(parts ? { partitions: parts } : {}),
      ...(text || cel ? { filter: { ...(text ? { text } : {}), ...(cel ? { cel } : {}) } } : {}),
      ...(limit ? { limit: Number(limit) } : {}),
      ...(decoders && (decoders.key || decoders.value) ? { decoders } : {}),
    });
  };

  return (
    <form className={`tail-form${collapsed ? ' collapsed' : ''}`} onSubmit={submit} data-testid="tail-form">
      {collapsible && (
        <div className="tail-form-summary full">
          <button type="button" className="link" aria-expanded={!collapsed} aria-controls="tail-form-fields" onClick={() => setPreferences({ tailFormCollapsed: !collapsed })} data-testid="tail-form-toggle">
            {collapsed ? '▸' : '▾'} Tail settings
          </button>
          {collapsed && (
            <span className="summary-text" data-testid="tail-form-summary">
              {tailFormSummary({ topic, from, param, text, cel })}
            </span>
          )}
        </div>
      )}
      <div id="tail-form-fields" className="tail-form-fields" hidden={collapsed}>
        <label className="grow">
          Topic
          <input list="tail-topics" value={topic} onChange={(e) => setTopic(e.target.value)} placeholder="topic" data-testid="tail-topic-input" spellCheck={false} />
          <datalist id="tail-topics">
            {topics.filter((t) => !t.internal).map((t) => (
              <option key={t.name} value={t.name} />
            ))}
          </datalist>
        </label>
        <label>
          Partitions
          <input value={partitions} onChange={(e) => setPartitions(e.target.value)} placeholder="all" size={6} data-testid="tail-partitions" />
        </label>
        <label>
          Start
          <select value={from} onChange={(e) => setFrom(e.target.value as StartKind)} data-testid="tail-start">
            <option value="latest">latest</option>
            <option value="earliest">earliest</option>
            <option value="lastN">last N</option>
            <option value="offset">offset</option>
            <option value="timestamp">timestamp</option>
          </select>
        </label>
        {(from === 'lastN' || from === 'offset') && (
          <label>
            {from === 'lastN' ? 'N per partition' : 'Offset'}
            <input value={param} onChange={(e) => setParam(e.target.value)} size={6} data-testid="tail-start-param" />
          </label>
        )}
        {from === 'timestamp' && <TimeStartPicker value={param} onChange={setParam} />}
        <label className="grow">
          Server filter (text)
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder="key, value or header contains…" data-testid="tail-filter-text" />
        </label>
        <CelField value={cel} onChange={setCel} />
        <label>
          Limit
          <input value={limit} onChange={(e) => setLimit(e.target.value.replace(/\D/g, ''))} size={5} placeholder="none" />
        </label>
        <SchemaDecoderPicker topic={topic} />
        <button className="primary" data-testid="tail-start-button">
          Start
        </button>
      </div>
      {problem && <p className="error full">{problem}</p>}
    </form>
  );
}
