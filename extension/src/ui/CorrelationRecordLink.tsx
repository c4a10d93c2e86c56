import type { WireRecord } from '@kafka-inspector/shared';
import { useMemo } from 'react';
import { extractIds, idsOfHeaders } from '../devtools/correlation-ids';
import { siteSettingsOf } from '../store/correlation-slice';
import { shortUrl } from './RequestsList';
import { useInspector } from './store-context';

const headerText = (record: WireRecord) => record.headers.map((h) => ({ name: h.key, value: h.value === null || h.value.encoding === 'binary' ? '' : h.value.text }));

/** Record -> request: the inspected page's requests that carried an id this record's headers carry. */
export function CorrelationRecordLink({ record }: { record: WireRecord }) {
  const unavailable = useInspector((s) => s.correlation.unavailable);
  const requests = useInspector((s) => s.correlation.requests);
  const settings = useInspector((s) => siteSettingsOf(s.preferences.sites, s.correlation.site));
  const show = useInspector((s) => s.showRequest);
  const recordIds = useMemo(() => idsOfHeaders(headerText(record), settings.headerNames), [record, settings.headerNames]);
  const matching = useMemo(() => (recordIds.length ? requests.filter((r) => extractIds(r, settings).some((id) => recordIds.includes(id.value))) : []), [requests, recordIds, settings]);
  if (unavailable || recordIds.length === 0) return null;
  return (
    <div className="record-requests" data-testid="record-requests">
      <h3>Requests of the page with this id</h3>
      {matching.length === 0 ? (
        <p className="muted">None of the page's recent requests carried {recordIds.join(' or ')}.</p>
      ) : (
        <ul>
          {matching.slice(0, 10).map((r) => (
            <li key={r.id}>
              <button className="link-button" onClick={() => show(r.id)} data-testid="record-request-link">
                {r.method} {shortUrl(r.url)} · {r.status || 'failed'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
