import type { TimeZoneChoice } from '../store/preferences-slice';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

interface Parts {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  ms: number;
}

function partsOf(date: Date, zone: TimeZoneChoice): Parts {
  return zone === 'utc'
    ? { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hours: date.getUTCHours(), minutes: date.getUTCMinutes(), seconds: date.getUTCSeconds(), ms: date.getUTCMilliseconds() }
    : { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hours: date.getHours(), minutes: date.getMinutes(), seconds: date.getSeconds(), ms: date.getMilliseconds() };
}

/** The zone as shown beside times: "UTC", or the browser's offset and name ("UTC+01:00 Europe/Paris"). */
export function zoneLabel(zone: TimeZoneChoice, at: Date = new Date()): string {
  if (zone === 'utc') return 'UTC';
  const minutes = -at.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const offset = `UTC${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return name && name !== 'UTC' ? `${offset} ${name}` : offset;
}

/** A record time in the chosen zone, "2026-11-24 10:25:45.123"; the raw value when it is not a time. */
export function formatTimeIn(timestampMs: string, zone: TimeZoneChoice): string {
  const date = new Date(Number(timestampMs));
  if (timestampMs.trim() === '' || Number.isNaN(date.getTime())) return timestampMs;
  const p = partsOf(date, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hours)}:${pad(p.minutes)}:${pad(p.seconds)}.${pad(p.ms, 3)}`;
}

/** The Time column's text: the full date and time when wide, only "10:25:45.123" when the panel is narrow. */
export function timeColumnText(timestampMs: string, zone: TimeZoneChoice, narrow: boolean): string {
  const full = formatTimeIn(timestampMs, zone);
  return narrow && full !== timestampMs ? full.slice(full.indexOf(' ') + 1) : full;
}

/** "3 min ago", "in 2 h", "just now": how far a time is from `now`. */
export function relativeTime(timestampMs: string | number, now: number): string {
  const diff = Number(timestampMs) - now;
  if (!Number.isFinite(diff)) return '';
  const abs = Math.abs(diff);
  if (abs < 5_000) return 'just now';
  const units: Array<[number, string]> = [
    [86_400_000 * 365, 'y'],
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1_000, 's'],
  ];
  const [size, unit] = units.find(([s]) => abs >= s)!;
  const count = Math.floor(abs / size);
  return diff < 0 ? `${count} ${unit} ago` : `in ${count} ${unit}`;
}

/** The value of an `<input type="datetime-local">` for a time, in the chosen zone (to the second). */
export function toDateTimeInput(ms: number, zone: TimeZoneChoice): string {
  const p = partsOf(new Date(ms), zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hours)}:${pad(p.minutes)}:${pad(p.seconds)}`;
}

/** A datetime-local value ("2026-11-24T10:00" or with seconds) read in the chosen zone; null when it is not one. */
export function fromDateTimeInput(value: string, zone: TimeZoneChoice): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hours, minutes, seconds, ms] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number, number];
  const time = zone === 'utc' ? Date.UTC(year, month - 1, day, hours, minutes, seconds, ms) : new Date(year, month - 1, day, hours, minutes, seconds, ms).getTime();
  return Number.isNaN(time) ? null : time;
}

export type TimePreset = '-5m' | '-1h' | 'today';

export const TIME_PRESETS: Array<{ id: TimePreset; label: string }> = [
  { id: '-5m', label: '−5 min' },
  { id: '-1h', label: '−1 h' },
  { id: 'today', label: 'Today' },
];

/** Where a preset starts: 5 minutes or an hour before `now`, or midnight of today in the chosen zone. */
export function presetTime(preset: TimePreset, now: number, zone: TimeZoneChoice): number {
  if (preset === '-5m') return now - 5 * 60_000;
  if (preset === '-1h') return now - 3_600_000;
  const p = partsOf(new Date(now), zone);
  return zone === 'utc' ? Date.UTC(p.year, p.month - 1, p.day) : new Date(p.year, p.month - 1, p.day).getTime();
}
