import { type KeyboardEvent, useRef } from 'react';
import { MAX_REQUESTS, type RequestSearch } from '../store/correlation-slice';
import { useInspector } from './store-context';

const clock = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { hour12: false }) + `.${String(ms % 1000).padStart(3, '0')}`;

/** What a URL shows in a narrow list: path and query (the site is in the toolbar). */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/** What a request's search found, for its row: follow mode shows at a glance which requests caused records. */
function found(search: RequestSearch | undefined): { text: string; label: string } | null {
  if (!search || search.status === 'no-ids' || search.status === 'no-topics') return null;
  if (search.status === 'queued' || (search.status === 'searching' && search.records.length === 0)) return { text: '…', label: 'searching' };
  if (search.status === 'error') return { text: '!', label: 'search failed' };
  return { text: String(search.records.length), label: `${search.records.length} record${search.records.length === 1 ? '' : 's'} found` };
}

/** The page's requests, newest first; arrow keys move the pick. */
export function RequestsList() {
  const requests = useInspector((s) => s.correlation.requests);
  const selected = useInspector((s) => s.correlation.selected);
  const select = useInspector((s) => s.selectRequest);
  const searches = useInspector((s) => s.correlation.searches);
  const list = useRef<HTMLOListElement>(null);

  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const at = requests.findIndex((r) => r.id === selected);
    const next = requests[Math.min(requests.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    select(next.id);
    list.current?.querySelector<HTMLButtonElement>(`[data-request-id="${next.id}"]`)?.focus();
  };

  return (
    <section className="pane list-pane requests-pane" aria-label="Requests of the inspected page">
      {requests.length === 0 ? (
        <p className="empty" data-testid="requests-empty">
          No requests yet. Use the page: each request it makes appears here as it finishes.
        </p>
      ) : (
        <ol className="requests-list" ref={list} onKeyDown={onKey} data-testid="requests-list">
          {requests.map((r) => {
            const records = found(searches[r.id]);
            return (
              <li key={r.id}>
                <button
                  className={r.id === selected ? 'request-row selected' : 'request-row'}
                  aria-current={r.id === selected ? 'true' : undefined}
                  aria-label={`${r.method} ${r.url}, status ${r.status || 'failed'}, at ${clock(r.startedAt)}${records ? `, ${records.label}` : ''}`}
                  onClick={() => select(r.id)}
                  data-testid="request-row"
                  data-request-id={r.id}
                  data-url={r.url}
                  data-found={records?.text ?? ''}
                >
                  <span className="r-method">{r.method}</span>
                  <span className="r-url" title={r.url}>
                    {shortUrl(r.url)}
                  </span>
                  <span className={r.status >= 400 || r.status === 0 ? 'r-status bad' : 'r-status'}>{r.status || 'failed'}</span>
                  <span className="r-time">{clock(r.startedAt)}</span>
                  <span className={records && records.text !== '0' && records.text !== '…' ? 'r-found some' : 'r-found'} title={records?.label}>
                    {records?.text}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <footer className="status-line">
        {requests.length} request{requests.length === 1 ? '' : 's'}
        {requests.length >= MAX_REQUESTS ? ` (the newest ${MAX_REQUESTS} are kept)` : ''}
      </footer>
    </section>
  );
}
