import { PROTOCOL_VERSION, type WireError } from '@kafka-inspector/shared';
import { version as PANEL_RELEASE } from '../../package.json';
import type { ConnectionState } from '../bridge/client';

/**
 * The version handshake, seen from the panel. The protocol must match exactly (hello/welcome carry
 * it; a companion refuses another one with UNSUPPORTED_PROTOCOL and says which it speaks). Releases
 * are kept in step: the panel supports companions of its own release line (same major, or same
 * minor while the major is 0, as semver reads 0.x), so a companion of another line gets a warning
 * even when the protocol still matches. Each problem names the side to update and how.
 */
export interface VersionProblem {
  /** `error`: they cannot talk; `warning`: they talk, but not a pair this panel was made for. */
  severity: 'error' | 'warning';
  /** The side that is behind. */
  update: 'companion' | 'extension';
  message: string;
  fix: string;
}

export interface PanelVersions {
  protocol: number;
  release: string;
}

export const UPDATE_COMPANION =
  'Update the companion: npm install -g kafka-inspector@latest (or git pull && npm install in its checkout), then restart it.';
export const UPDATE_EXTENSION =
  'Update the Kafka Inspector extension: chrome://extensions → Update (or install the newest release, or rebuild it with npm run build).';

const PANEL: PanelVersions = { protocol: PROTOCOL_VERSION, release: PANEL_RELEASE };

/** What is wrong with the companion's versions for this panel, or null when nothing is. */
export function versionProblem(connection: ConnectionState, panel: PanelVersions = PANEL): VersionProblem | null {
  if (connection.status === 'unauthorized' && connection.error?.code === 'UNSUPPORTED_PROTOCOL') {
    return protocolProblem(supportedProtocols(connection.error), panel);
  }
  if (connection.status !== 'open') return null;
  const { protocol, server } = connection.welcome;
  if (protocol !== panel.protocol) return protocolProblem([protocol], panel);
  return releaseProblem(server.version, panel);
}

function supportedProtocols(error: WireError): number[] {
  const supported = (error.details as { supported?: unknown } | undefined)?.supported;
  if (Array.isArray(supported) && supported.every((v) => Number.isInteger(v))) return supported as number[];
  // An old companion that does not list them: its message says "speaks protocol N".
  const said = /protocol (\d+)/.exec(error.message);
  return said ? [Number(said[1])] : [];
}

function protocolProblem(companion: number[], panel: PanelVersions): VersionProblem {
  const older = companion.length > 0 && Math.max(...companion) < panel.protocol;
  const speaks = companion.length > 0 ? `protocol ${companion.join(', ')}` : 'another protocol';
  return {
    severity: 'error',
    update: older ? 'companion' : 'extension',
    message: `The companion speaks ${speaks}, ${older ? 'older' : 'newer'} than this panel's protocol ${panel.protocol}: they cannot talk.`,
    fix: older ? UPDATE_COMPANION : UPDATE_EXTENSION,
  };
}

function releaseProblem(companionRelease: string, panel: PanelVersions): VersionProblem | null {
  const companion = releaseLine(companionRelease);
  const own = releaseLine(panel.release);
  if (!companion || !own) return null; // a development or unusual version: nothing to say
  const order = compareLines(companion, own);
  if (order === 0) return null;
  const supported = `${own.join('.')}.x`;
  const older = order < 0;
  return {
    severity: 'warning',
    update: older ? 'companion' : 'extension',
    message: `Companion ${companionRelease} is ${older ? 'older' : 'newer'} than this panel (${panel.release}) supports (${supported}): some views may fail.`,
    fix: older ? UPDATE_COMPANION : UPDATE_EXTENSION,
  };
}

/** The part of a semver version that may break: [major], or [0, minor] while the major is 0. */
function releaseLine(version: string): number[] | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  if (!match) return null;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major === 0 ? [0, minor] : [major];
}

function compareLines(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
