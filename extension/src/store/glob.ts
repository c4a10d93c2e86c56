/**
 * The companion enforces the produce allow-list (picomatch); the panel only mirrors it to explain a
 * disabled button, so a small `*` / `?` matcher is enough here.
 */
export function globMatches(glob: string, topic: string): boolean {
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`).test(topic);
}

export function produceAllowed(capabilities: { readOnly: boolean; produceAllowList: string[] | null } | undefined, topic: string): { ok: true } | { ok: false; reason: string } {
  if (!capabilities) return { ok: false, reason: 'Not connected to the companion.' };
  if (capabilities.readOnly) return { ok: false, reason: 'The companion runs read-only: producing is disabled.' };
  const allow = capabilities.produceAllowList;
  if (allow && topic && !allow.some((glob) => globMatches(glob, topic))) return { ok: false, reason: `“${topic}” is outside the produce allow-list (${allow.join(', ')}).` };
  return { ok: true };
}
