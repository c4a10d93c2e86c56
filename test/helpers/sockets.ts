import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

interface TcpSocket {
  remotePort: number;
}

/**
 * Established TCP sockets of a process (default: this one), read from /proc: the socket inodes
 * among its file descriptors, matched against /proc/net/tcp{,6}. Counting at the OS level catches
 * any client the code forgot to close.
 */
function establishedOf(pid: number | 'self'): TcpSocket[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // The descriptor closed while we looked.
    }
  }
  const sockets: TcpSocket[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length >= 10 && fields[3] === '01' && inodes.has(fields[9]!)) sockets.push({ remotePort: parseInt(fields[2]!.split(':')[1]!, 16) });
    }
  }
  return sockets;
}

/** Open TCP connections of a process to the given ports. */
export function connectionsTo(ports: number[], pid: number | 'self' = 'self'): number {
  return establishedOf(pid).filter((socket) => ports.includes(socket.remotePort)).length;
}

/** Established TCP connections of a process, whatever their peer. */
export function establishedSockets(pid: number | 'self' = 'self'): number {
  return establishedOf(pid).length;
}

export function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;
}

/** Polls until `condition` holds or the time is up; returns whether it held. */
export async function settle(condition: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  return condition();
}

/**
 * Samples until the value has not changed for `quietMs`, so a baseline is not taken while the last
 * sockets of earlier work are still closing (a count caught mid-close later looks like a change).
 */
export async function steady<T>(sample: () => T, quietMs = 1_000, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = sample();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const next = sample();
    if (next !== value) {
      value = next;
      since = Date.now();
    }
  }
  return value;
}
