import { isIP } from 'node:net';

/**
 * The one loopback test, for both the listen address (no warning, Host guard on) and the names a
 * request's Host header may carry: `localhost`, all of 127.0.0.0/8 and ::1 in any spelling, with or
 * without brackets. Anything else exposes the companion to the network.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost') return true;
  switch (isIP(name)) {
    case 4:
      return name.startsWith('127.');
    case 6:
      return /^\[(?:::1|::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4})\]$/.test(canonicalIPv6(name));
    default:
      return false;
  }
}

/** `0:0:0:0:0:0:0:1` -> `[::1]`, `::ffff:127.0.0.1` -> `[::ffff:7f00:1]`; '' for what a URL cannot hold (a zone id). */
function canonicalIPv6(address: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname;
  } catch {
    return '';
  }
}
