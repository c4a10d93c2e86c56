import type { ClusterProfileInfo, EncodedData } from '@kafka-inspector/shared';

export function formatTime(timestamp: string): string {
  const date = new Date(Number(timestamp));
  if (Number.isNaN(date.getTime())) return timestamp;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const formatCount = (value: number | string) => Number(value).toLocaleString('en-US');

/** One line of a key or value for the table. */
export function preview(data: EncodedData | null, max = 160): string {
  if (data === null) return '∅';
  // Only the head of a value is shown: work on that, not on up to 64 KB per visible row.
  const head = data.encoding === 'binary' ? data.base64.slice(0, 48) : data.text.slice(0, max * 4);
  const cut = data.encoding !== 'binary' && head.length < data.text.length;
  const text = data.encoding === 'binary' ? `0x${hexOf(head, 24)}` : head.replace(/\s+/g, ' ');
  return text.length > max || cut ? `${text.slice(0, max)}…` : text;
}

export function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function hexOf(base64: string, maxBytes = Infinity): string {
  const bytes = bytesOf(base64);
  const shown = Array.from(bytes.slice(0, maxBytes), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > maxBytes ? `${shown} …` : shown;
}

/** A classic hex dump: offset, 16 bytes, printable characters. */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const row = Array.from(bytes.slice(i, i + 16));
    const hex = row.map((b) => b.toString(16).padStart(2, '0')).join(' ').padEnd(47);
    const text = row.map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${i.toString(16).padStart(8, '0')}  ${hex}  ${text}`);
  }
  return lines.join('\n');
}

export function dataBytes(data: EncodedData): Uint8Array {
  return data.encoding === 'binary' ? bytesOf(data.base64) : new TextEncoder().encode(data.text);
}

/** How the companion reaches a cluster, as the header's badge says it: the user checks it before trusting a profile. */
export function connectionSecurity(cluster: Pick<ClusterProfileInfo, 'tls' | 'sasl'>): string {
  const sasl = cluster.sasl ? `SASL ${cluster.sasl.toUpperCase()}` : null;
  if (cluster.tls) return sasl ? `TLS + ${sasl}` : 'TLS';
  return sasl ?? 'plaintext';
}
