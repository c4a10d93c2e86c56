import type { CompanionConfig } from '../config/types';

export interface BannerInput {
  config: CompanionConfig;
  /** http://host:port of the running companion. */
  url: string;
  version: string;
  demo: boolean;
  uiBuilt: boolean;
  extensionDir: string | null;
  warnings: string[];
}

/** The start-up message: where to point the browser, how to pair, and what is being inspected. */
export function banner({ config, url, version, demo, uiBuilt, extensionDir, warnings }: BannerInput): string {
  const lines = [`Kafka Inspector companion ${version}`, ''];
  lines.push(uiBuilt ? `  Open:       ${url}/#token=${config.token}` : `  Listening:  ${url} (UI not built: run npm run build)`);
  lines.push(`  WebSocket:  ${url.replace(/^http/, 'ws')}/ws`);
  lines.push(`  Token:      ${config.token}${config.tokenFile ? `  (kept in ${config.tokenFile})` : ''}`);
  for (const cluster of config.clusters) {
    lines.push(`  Cluster:    ${cluster.name} -> ${cluster.brokers.join(', ')}${cluster.demo ? '  [DEMO BROKER]' : ''}`);
  }
  if (config.readOnly) lines.push('  Mode:       read-only (no produce)');
  else if (config.produceAllowList) lines.push(`  Produce to: ${config.produceAllowList.join(', ')} only`);
  if (extensionDir) {
    lines.push('', `  DevTools extension: ${extensionDir}`, '    chrome://extensions -> Developer mode -> Load unpacked -> pick that folder,', '    then open DevTools on any page and choose the "Kafka" panel; pair it with the token above.');
  }
  if (demo) {
    lines.push('', '  This is a DEMO: no Kafka cluster is configured, so a built-in test broker (librdkafka\'s mock', '  cluster) runs with demo topics and live sample events. Its data lives only while this process', '  runs. Use --brokers host:port or --config FILE to inspect a real cluster.');
  }
  for (const warning of warnings) lines.push('', `  ${warning}`);
  lines.push('', '  Ctrl-C to stop.');
  return lines.join('\n');
}
