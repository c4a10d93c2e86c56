import { MAX_SEARCHES, type RequestSearch } from '../store/correlation-slice';
import { formatTime, preview } from './format';
import { useInspector } from './store-context';

const clock = (ms: number) => formatTime(String(ms)).slice(11);
const delay = (ms: number) => `${ms >= 0 ? '+' : '−'}${Math.abs(ms) < 1000 ? `${Math.abs(ms)} ms` : `${(Math.abs(ms) / 1000).toFixed(2)} s`}`;

/** The search's state in one plain sentence (read out: the pane's status is a live region). */
export function searchSentence(search: RequestSearch | undefined): string {
  if (!search) return 'Not searched yet.';
  const topics = Object.keys(search.topics).join(', ');
  const found = `${search.records.length} record${search.records.length === 1 ? '' : 's'}`;
  switch (search.status) {
    case 'no-ids':
      return 'No correlation id in this request or its response: add the header name or JSON path that carries your ids in the search settings.';
    case 'no-topics':
      return 'Choose the topics to search for this site in the search settings.';
    case 'queued':
      return `Waiting: ${MAX_SEARCHES} searches run at once.`;
    case 'searching':
      return `Searching ${topics} until ${clock(search.window.to)}: ${found} so far.`;
    case 'done':
      return search.records.length ? `${found} found in ${topics}.` : `No record in ${topics} carries these ids between ${clock(search.window.from)} and ${clock(search.window.to)}.`;
    case 'error':
      return 'The search failed: see each topic below.';
  }
}

/** One request: its ids, the search and the records it caused, grouped under it in time order. */
export function CorrelationPane({ id }: { id: string }) {
  const request = useInspector((s) => s.correlation.requests.find((r) => r.id === id));
  const search = useInspector((s) => s.correlation.searches[id]);
  const correlate = useInspector((s) => s.correlate);
  const select = useInspector((s) => s.selectRequest);
  const produceFrom = useInspector((s) => s.produceFromRequest);
  if (!request) return null;
  const jsonBody = (body: typeof request.requestBody) => !!body && !body.binary && !body.truncated && /json/.test(body.mimeType || 'json');

  return (
    <section className="pane detail-pane correlation-pane" aria-label="Records of the request" data-testid="correlation-pane">
      <div className="toolbar">
        <h2 className="mono" title={request.url}>
          {request.method} {request.url} <span className="muted">· {request.status || 'failed'}</span>
        </h2>
        <button className="link close" onClick={() => select(null)} aria-label="Close the request">
          ×
        </button>
      </div>
      <div className="scroll">
        <p className="search-status" role="status" aria-live="polite" data-testid="correlation-status" data-status={search?.status ?? 'none'}>
          {searchSentence(search)}
        </p>
        {search?.note && <p className="muted" data-testid="correlation-note">{search.note}</p>}
        {search && search.ids.length > 0 && (
          <>
            <h3>Ids</h3>
            <ul className="ids" data-testid="correlation-ids">
              {search.ids.map((i) => (
                <li key={i.value}>
                  <code>{i.value}</code> <span className="muted">from {i.source}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {search && Object.keys(search.topics).length > 0 && (
          <p className="muted topic-states">
            {Object.entries(search.topics).map(([topic, state]) => (
              <span key={topic} className={state.startsWith('failed') ? 'error' : ''}>
                {topic}: {state}{' '}
              </span>
            ))}
          </p>
        )}
        {search && search.records.length > 0 && (
          <table className="grid compact correlated" data-testid="correlated-records">
            <caption className="visually-hidden">Records in time order, with the delay after the request started</caption>
            <thead>
              <tr>
                <th className="num">After</th>
                <th>Topic</th>
                <th>Key</th>
                <th>Value</th>
              </tr>
            </thead>
            <tbody>
              {search.records.map(({ record, delayMs, matched }) => (
                <tr key={`${record.topic}:${record.partition}:${record.offset}`} data-testid="correlated-record" data-offset={record.offset} title={`p${record.partition} #${record.offset} · matched ${matched.join(', ')}`}>
                  <td className="num">{delay(delayMs)}</td>
                  <td className="mono">
                    {record.topic} <span className="muted">p{record.partition} #{record.offset}</span>
                  </td>
                  <td className="mono">{preview(record.key, 40)}</td>
                  <td className="mono value-cell">{preview(record.value, 200)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="actions">
          <button onClick={() => void correlate(id)} disabled={search?.status === 'searching' || search?.status === 'queued'} data-testid="correlation-again">
            Search again
          </button>
          <button onClick={() => produceFrom(id, 'request')} disabled={!jsonBody(request.requestBody)} title={jsonBody(request.requestBody) ? '' : 'The request has no JSON body'} data-testid="produce-from-request">
            Produce request body
          </button>
          <button onClick={() => produceFrom(id, 'response')} disabled={!jsonBody(request.responseBody)} title={jsonBody(request.responseBody) ? '' : 'The response has no JSON body (yet)'} data-testid="produce-from-response">
            Produce response body
          </button>
        </div>
      </div>
    </section>
  );
}
