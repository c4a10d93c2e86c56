import { noPageText } from '../devtools/inspected-page';
import { CorrelationPane } from './CorrelationPane';
import { CorrelationSettings } from './CorrelationSettings';
import { RequestsList } from './RequestsList';
import { useInspector } from './store-context';
import './requests.css';

/** DevTools only: the inspected page's requests, and the Kafka records each one caused. */
export function RequestsView() {
  const unavailable = useInspector((s) => s.correlation.unavailable);
  const site = useInspector((s) => s.correlation.site);
  const follow = useInspector((s) => s.correlation.follow);
  const setFollow = useInspector((s) => s.setFollow);
  const selected = useInspector((s) => s.correlation.selected);

  if (unavailable) {
    return (
      <div className="pad requests-unavailable" data-testid="requests-unavailable">
        <h2>Requests of the inspected page</h2>
        <p className="notice">{noPageText[unavailable]}</p>
      </div>
    );
  }

  return (
    <div className="requests-view" data-testid="requests-view">
      <div className="toolbar requests-toolbar">
        <span className="muted site" title="Settings are remembered per site" data-testid="requests-site">
          {site ?? 'reading the inspected page…'}
        </span>
        <label className="check" title="Search for the records of every new request as it finishes">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} data-testid="requests-follow" /> Follow new requests
        </label>
      </div>
      <CorrelationSettings />
      <div className="split requests-split">
        <RequestsList />
        {selected ? (
          <CorrelationPane id={selected} />
        ) : (
          <section className="pane detail-pane correlation-pane">
            <p className="empty">Pick a request to see the Kafka records it caused.</p>
          </section>
        )}
      </div>
    </div>
  );
}
