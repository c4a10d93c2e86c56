/**
 * `text` cut into runs, the case-insensitive matches of `query` marked: what the quick filter
 * matched, shown where it is (the same trimmed, lower-cased needle as store/quick-filter.ts).
 */
export function highlightRuns(text: string, query: string): Array<{ text: string; match: boolean }> {
  const needle = query.trim().toLowerCase();
  if (!needle) return [{ text, match: false }];
  const haystack = text.toLowerCase();
  const runs: Array<{ text: string; match: boolean }> = [];
  let at = 0;
  for (let found = haystack.indexOf(needle); found !== -1; found = haystack.indexOf(needle, at)) {
    if (found > at) runs.push({ text: text.slice(at, found), match: false });
    runs.push({ text: text.slice(found, found + needle.length), match: true });
    at = found + needle.length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), match: false });
  return runs;
}
