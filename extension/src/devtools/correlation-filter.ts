/**
 * The companion-side filter for "records of this request": a CEL expression (shared/src/tail.ts)
 * built from data, never from code. Ids only ever appear inside string literals, escaped so that
 * no id (quotes, backslashes, anything) can end its literal and change the expression.
 */

/** A CEL string literal for any text: `"` and `\` escaped, everything outside printable ASCII as \u/\U. */
export function celString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

export interface TimeWindow {
  /** ms since the epoch, inclusive. */
  from: number;
  to: number;
}

/**
 * Matches a record whose timestamp lies in the window and which carries one of the ids in a header
 * value, its key, a text value, or a string field of a JSON value (two levels deep; deeper fields
 * are found through the text search of a plain-text value only). Type guards keep a record of
 * another shape from erroring; the companion counts an error as "no match" anyway.
 */
export function correlationCel(ids: string[], window: TimeWindow): string {
  if (ids.length === 0) throw new Error('no ids to search for');
  const from = Math.max(0, Math.floor(window.from));
  const to = Math.max(from, Math.ceil(window.to));
  const has = (v: string) => `(type(${v}) == string && ${v}.contains(id))`;
  const inJson = `(type(value) == map && value.exists(f, ${has('value[f]')} || (type(value[f]) == map && value[f].exists(g, ${has('value[f][g]')}))))`;
  return `timestamp >= ${from} && timestamp <= ${to} && [${ids.map(celString).join(', ')}].exists(id, headers.exists(h, headers[h].contains(id)) || ${has('key')} || ${has('value')} || ${inJson})`;
}
