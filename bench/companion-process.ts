import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CompanionProcess as Spawned, spawnCompanion } from '../test/helpers/companion-process';
import { rssMb } from '../test/helpers/sockets';

export interface CompanionProcess extends Spawned {
  pid: number;
  /** What this companion is in the table: "companion" or a before-the-fix variant. */
  label: string;
  /** Resident set size now, in MB (from /proc). */
  rssMb(): number;
}

export interface CompanionSettings {
  label: string;
  /** The cluster profile's fetchMaxWaitMs; unset: the companion's default. */
  fetchMaxWaitMs?: number;
  /** The config file's `limits`. */
  limits?: Record<string, number>;
  /** Started as `node FILE`: V8's default heap sizing instead of the launcher's. */
  v8Defaults?: boolean;
}

/**
 * The companion as users run it: its own process (so its RSS is its own), on a free port, no demo
 * broker, its one cluster profile (and any limits) from a config file.
 */
export async function startCompanionProcess(brokers: string[], settings: CompanionSettings): Promise<CompanionProcess> {
  const file = join(mkdtempSync(join(tmpdir(), 'ki-bench-')), 'config.json');
  const profile = { name: 'bench', brokers, ...(settings.fetchMaxWaitMs ? { fetchMaxWaitMs: settings.fetchMaxWaitMs } : {}) };
  writeFileSync(file, JSON.stringify({ clusters: [profile], ...(settings.limits ? { limits: settings.limits } : {}) }));
  const companion = await spawnCompanion(['--config', file, '--no-demo'], {}, { v8Defaults: settings.v8Defaults ?? false });
  const pid = companion.child.pid!;
  return { ...companion, pid, label: settings.label, rssMb: () => rssMb(pid) };
}
