import { isLoopbackHost } from '../config/loopback';

/**
 * Who may open a socket (design.md §5). Pure, so every rule is unit-tested.
 *
 * - No Origin: a non-browser client (a script, kcat-like tool); it still needs the token.
 * - chrome-extension://<id> for an allowed extension id.
 * - The companion's own page (standalone mode) on a loopback name and this port.
 * Every other web origin is refused before the upgrade, so a page the user visits cannot reach Kafka.
 */
export function isAllowedOrigin(origin: string | undefined, port: number, extensionIds: readonly string[], listenHost?: string): boolean {
  if (origin === undefined) return true;
  const extension = /^chrome-extension:\/\/([a-p]{32})$/.exec(origin);
  if (extension) return extensionIds.includes(extension[1]!);
  return ownOrigins(port, listenHost).includes(origin);
}

/** The companion's own page: the usual loopback names, and the address it listens on when that is loopback too. */
const ownOrigins = (port: number, listenHost?: string) => {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  if (listenHost && isLoopbackHost(listenHost)) names.push(listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost.toLowerCase());
  return names.map((name) => `http://${name}:${port}`);
};

/**
 * DNS-rebinding guard: a page on evil.example that re-points its name to 127.0.0.1 is same-origin
 * with itself, but its requests still say `Host: evil.example`. Only loopback names are accepted
 * (the same predicate that decides whether the listen address is loopback), unless the user
 * deliberately listens on another interface.
 */
export function isAllowedHost(host: string | undefined, port: number, loopbackOnly: boolean): boolean {
  if (!loopbackOnly) return true;
  if (!host) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.toLowerCase());
  if (!match) return false;
  return isLoopbackHost(match[1]!) && (match[2] === undefined ? port === 80 : Number(match[2]) === port);
}

/**
 * The only path that may upgrade to a WebSocket: exactly `/ws` (a query string aside). Not `/WS`,
 * `//ws` or `/ws/`, which the router might otherwise hand to another route.
 */
export function isWebSocketPath(url: string): boolean {
  const path = url.split('?', 1)[0];
  return path === '/ws';
}
