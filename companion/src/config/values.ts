import { ConfigError } from './config-error';

/** host:port, where host is a name, an IPv4 address or a bracketed IPv6 address. */
const BROKER = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):(\d{1,5})$/;

export function isBrokerAddress(value: string): boolean {
  const match = BROKER.exec(value);
  return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= 65535;
}

/** A comma-separated broker list, as `--brokers` and KAFKA_BROKERS take it. */
export function parseBrokerList(list: string, source: string): string[] {
  const brokers = list
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  if (brokers.length === 0) throw new ConfigError(`${source}: no broker given (expected host:port,...)`);
  for (const broker of brokers) {
    if (!isBrokerAddress(broker)) throw new ConfigError(`${source}: "${broker}" is not host:port (e.g. localhost:9092)`);
  }
  return brokers;
}

/** 0 lets the system pick a free port (tests use it); the chosen one is printed at start-up. */
export function parsePort(value: string, source: string): number {
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new ConfigError(`${source}: "${value}" is not a port number (0-65535)`);
  return port;
}

/** Chrome extension ids are 32 letters a-p (a hash of the key, written in base 16 with a-p digits). */
export const EXTENSION_ID = /^[a-p]{32}$/;

export function parseExtensionIds(ids: string[], source: string): string[] {
  const parsed = ids.flatMap((id) => id.split(',')).map((id) => id.trim()).filter((id) => id !== '');
  for (const id of parsed) {
    if (!EXTENSION_ID.test(id)) throw new ConfigError(`${source}: "${id}" is not a Chrome extension id (32 letters a-p)`);
  }
  return parsed;
}

/** Loopback names and addresses: anything else exposes the companion to the network. */
export { isLoopbackHost } from './loopback';
