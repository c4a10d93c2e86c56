import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * Open TCP connections of a process (default: this one) to the given ports, read from /proc:
 * the socket inodes among the process's file descriptors, matched against /proc/net/tcp{,6}.
 * Counting at the OS level catches any client the code forgot to close.
 */
export function connectionsTo(ports: number[], pid: number | 'self' = 'self'): number {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // The descriptor closed while we looked.
    }
  }
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const remotePort = parseInt(fields[2]!.split(':')[1]!, 16);
      const established = fields[3] === '01';
      if (established && ports.includes(remotePort) && inodes.has(fields[9]!)) count++;
    }
  }
  return count;
}

/** Established TCP connections of a process, whatever their peer. */
export function establishedSockets(pid: number | 'self' = 'self'): number {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // closed meanwhile
    }
  }
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length >= 10 && fields[3] === '01' && inodes.has(fields[9]!)) count++;
    }
  }
  return count;
}

export function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;
}
