import { useEffect, useId, useRef } from 'react';
import { activeProfile } from '../store/cluster-slice';
import { useInspector } from './store-context';
import './record-tools.css';
import { fromDateTimeInput, presetTime, TIME_PRESETS, toDateTimeInput, zoneLabel } from './time-format';
import { TimeZoneToggle } from './TimeText';

/**
 * Where a timestamp start begins: a date-time picker read in the zone shown (local or UTC), and
 * presets. Warns up front on the demo broker, which cannot look offsets up by time (the companion
 * refuses such a start with UNSUPPORTED_BY_BROKER rather than tail from the end).
 */
export function TimeStartPicker({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const zone = useInspector((s) => s.preferences.timeZone);
  const demo = useInspector((s) => (s.connection.status === 'open' ? (activeProfile(s.connection.welcome, s.preferences.cluster)?.demo ?? false) : false));
  const id = useId();
  const ms = fromDateTimeInput(value, zone);
  // Switching the zone keeps the moment, not the digits: the field is rewritten in the new zone.
  const shownIn = useRef(zone);
  useEffect(() => {
    if (shownIn.current === zone) return;
    const moment = fromDateTimeInput(value, shownIn.current);
    shownIn.current = zone;
    if (moment !== null) onChange(toDateTimeInput(moment, zone));
  }, [zone, value, onChange]);

  return (
    <div className="time-start" role="group" aria-labelledby={`${id}-label`}>
      <label htmlFor={`${id}-input`} id={`${id}-label`}>
        From <span className="muted">({zoneLabel(zone)})</span>
      </label>
      <span className="time-start-row">
        <input id={`${id}-input`} type="datetime-local" step={1} value={value} onChange={(e) => onChange(e.target.value)} data-testid="tail-start-time" />
        {TIME_PRESETS.map((preset) => (
          <button key={preset.id} type="button" onClick={() => onChange(toDateTimeInput(presetTime(preset.id, Date.now(), zone), zone))} data-testid={`time-preset-${preset.id}`}>
            {preset.label}
          </button>
        ))}
        <TimeZoneToggle label="Zone" />
      </span>
      {ms !== null && <span className="muted time-start-ms">= {new Date(ms).toISOString()}</span>}
      {demo && (
        <p className="warn full" role="note" data-testid="time-start-warning">
          The demo broker cannot look offsets up by time: the companion will refuse this start. Use an offset, last N or earliest.
        </p>
      )}
    </div>
  );
}
