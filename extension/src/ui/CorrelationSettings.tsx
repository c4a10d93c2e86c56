import { type FormEvent, useEffect, useState } from 'react';
import { DEFAULT_ID_HEADERS } from '../devtools/correlation-ids';
import { MAX_TOPICS, siteSettingsOf } from '../store/correlation-slice';
import { useInspector } from './store-context';

const list = (text: string) => [...new Set(text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean))];

/** Per site: which topics to search, and where else its ids live. Applied on submit, remembered. */
export function CorrelationSettings() {
  const site = useInspector((s) => s.correlation.site);
  const sites = useInspector((s) => s.preferences.sites);
  const apply = useInspector((s) => s.setSiteSettings);
  const topics = useInspector((s) => s.topics.list);
  const current = siteSettingsOf(sites, site);
  const [draft, setDraft] = useState({ topics: '', headerNames: '', jsonPaths: '' });

  useEffect(() => {
    setDraft({ topics: current.topics.join(', '), headerNames: current.headerNames.join(', '), jsonPaths: current.jsonPaths.join(', ') });
  }, [current]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ topics: list(draft.topics).slice(0, MAX_TOPICS), headerNames: list(draft.headerNames), jsonPaths: list(draft.jsonPaths) });
  };

  return (
    <details className="correlation-settings" open={current.topics.length === 0} data-testid="correlation-settings">
      <summary>
        Search settings{site ? ` for ${site}` : ''}: {current.topics.length ? current.topics.join(', ') : <span className="warn">no topics chosen</span>}
      </summary>
      <form onSubmit={submit} className="settings-form">
        <label className="grow">
          Topics to search (up to {MAX_TOPICS}, comma-separated)
          <input list="correlation-topics" value={draft.topics} onChange={(e) => setDraft({ ...draft, topics: e.target.value })} spellCheck={false} data-testid="correlation-topics" />
          <datalist id="correlation-topics">
            {topics.filter((t) => !t.internal).map((t) => (
              <option key={t.name} value={t.name} />
            ))}
          </datalist>
        </label>
        <label className="grow">
          More id headers (besides {DEFAULT_ID_HEADERS.join(', ')})
          <input value={draft.headerNames} onChange={(e) => setDraft({ ...draft, headerNames: e.target.value })} spellCheck={false} placeholder="x-order-id" data-testid="correlation-headers" />
        </label>
        <label className="grow">
          JSON paths in request or response bodies
          <input value={draft.jsonPaths} onChange={(e) => setDraft({ ...draft, jsonPaths: e.target.value })} spellCheck={false} placeholder="$.requestId, order.id" data-testid="correlation-paths" />
        </label>
        <button type="submit" disabled={!site} data-testid="correlation-apply">
          Apply
        </button>
      </form>
    </details>
  );
}
