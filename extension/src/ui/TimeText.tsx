import type { WireRecord } from '@kafka-inspector/shared';
import { useState } from 'react';
import { isoTime } from '../store/record-shape';
import { useInspector } from './store-context';
import { timestampTypeText } from './record-facts';
import { formatTimeIn, relativeTime, timeColumnText, zoneLabel } from './time-format';

/**
 * A record time in the zone the user chose (local or UTC). Hovering tells how long ago it was and
 * the zone, and whose clock it is (`type`, when known); `detailed` also says the zone and age inline.
 */
export function TimeText({ timestamp, type, detailed = false, narrow = false }: { timestamp: string; type?: WireRecord['timestampType']; detailed?: boolean; narrow?: boolean }) {
  const zone = useInspector((s) => s.preferences.timeZone);
  const [now, setNow] = useState(() => Date.now());
  const relative = relativeTime(timestamp, now);
  const clock = timestampTypeText(type);
  return (
    <time dateTime={isoTime(timestamp)} title={`${narrow ? `${formatTimeIn(timestamp, zone)} · ` : ''}${relative} · ${zoneLabel(zone)} · ${timestamp} ms${clock ? ` · ${clock}` : ''}`} onMouseEnter={() => setNow(Date.now())}>
      {timeColumnText(timestamp, zone, narrow)}
      {detailed && <span className="muted"> {zoneLabel(zone)} · {relative}</span>}
    </time>
  );
}

/** Switches every shown time between the browser's zone and UTC. */
export function TimeZoneToggle({ label = 'Time' }: { label?: string }) {
  const zone = useInspector((s) => s.preferences.timeZone);
  const setPreferences = useInspector((s) => s.setPreferences);
  const other = zone === 'utc' ? 'local' : 'utc';
  return (
    <button type="button" className="link zone-toggle" onClick={() => setPreferences({ timeZone: other })} aria-label={`${label} in ${zoneLabel(zone)}: switch to ${other === 'utc' ? 'UTC' : 'local time'}`} title={`Times are in ${zoneLabel(zone)}; click for ${other === 'utc' ? 'UTC' : 'local time'}`} data-testid="zone-toggle">
      {label} · {zone === 'utc' ? 'UTC' : 'local'}
    </button>
  );
}
