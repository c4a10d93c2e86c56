import { RE2JS, RE2JSException } from 're2js';

/**
 * CEL's `matches` is specified with RE2 syntax and semantics, and RE2 runs in time linear in the
 * text: no pattern can backtrack, so `(a|a)*$` or `(a|aa)+$` on a long value cost what `a*` does.
 * re2js is a pure-JS port of RE2 (no native build, so it runs wherever Node runs, in worker
 * threads too). Patterns RE2 does not support (backreferences, lookaround) are refused here.
 */
export function compileRegex(pattern: string): RE2JS {
  return RE2JS.compile(pattern);
}

/** The reason a pattern does not compile, in RE2's own words, or null when it does. */
export function regexProblem(pattern: string): string | null {
  try {
    compileRegex(pattern);
    return null;
  } catch (error) {
    if (error instanceof RE2JSException) return error.message;
    throw error;
  }
}

/**
 * Compiled patterns by source. Filters take their patterns from literals (checked at compile
 * time), so this holds a handful; the bound only keeps a long-lived process tidy.
 */
const cache = new Map<string, RE2JS>();
const CACHE_SIZE = 256;

export function cachedRegex(pattern: string): RE2JS {
  let regex = cache.get(pattern);
  if (!regex) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    regex = compileRegex(pattern);
    cache.set(pattern, regex);
  }
  return regex;
}
