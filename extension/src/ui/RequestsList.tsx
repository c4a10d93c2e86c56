import { type KeyboardEvent, useRef } from 'react';
import { MAX_REQUESTS } from '../store/correlation-slice';
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

/** The page's requests, newest first; arrow keys move the pick. */
export function RequestsList() {
  const requests = useInspector((s) => s.correlation.requests);
  const selected = useInspector((s) => s.correlation.selected);
  const select = useInspector((s) => s.selectRequest);
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
          {requests.map((r) => (
            <li key={r.id}>
              <button
                className={r.id === selected ? 'request-row selected' : 'request-row'}
                aria-current={r.id === selected ? 'true' : undefined}
                aria-label={`${r.method} ${r.url}, status ${r.status || 'failed'}, at ${clock(r.startedAt)}`}
                onClick={() => select(r.id)}
                data-testid="request-row"
                data-request-id={r.id}
                data-url={r.url}
              >
                <span className="r-method">{r.method}</span>
                <span className="r-url" title={r.url}>
                  {shortUrl(r.url)}
                </span>
                <span className={r.status >= 400 || r.status === 0 ? 'r-status bad' : 'r-status'}>{r.status || 'failed'}</span>
                <span className="r-time">{clock(r.startedAt)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <footer className="status-line">
        {requests.length} request{requests.length === 1 ? '' : 's'}
        {requests.length >= MAX_REQUESTS ? ` (the newest ${MAX_REQUESTS} are kept)` : ''}
      </footer>
    </section>
  );
}
