import { asciiSearcher, isAscii } from './ascii-search';
import type { RecordView } from './record-view';

/**
 * Case-insensitive substring over header names, key, header values and value. An ASCII needle
 * (nearly every search) is looked for in the raw bytes (ascii-search.ts), header names included,
 * so a record that does not match is never decoded. Any other needle is looked for in the decoded text with a literal
 * `iu` regex, which folds case per Unicode without copying the haystack. A value that `valueOf`
 * decoded (Avro, Protobuf) is searched in its JSON text instead of its bytes. Cheap parts go
 * first, the value, usually the largest, last.
 */
export function textPredicate(text: string): (view: RecordView) => boolean {
  const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');
  const inText = (haystack: string | null) => haystack !== null && pattern.test(haystack);
  if (!isAscii(text)) {
    return (view) => {
      for (const header of view.record.headers) if (inText(header.key)) return true;
      if (inText(view.keyText)) return true;
      for (const value of view.headerTexts) if (inText(value)) return true;
      return inText(view.decodedValue === undefined ? view.valueText : view.decodedValueText);
    };
  }
  const search = asciiSearcher(text);
  const inBytes = (haystack: Buffer | null) => haystack !== null && search(haystack);
  // Header names by their bytes too, as everything else: a batch without the needle's bytes
  // (batch-prefilter.ts) then surely has no record that matches.
  return (view) => {
    const { record } = view;
    for (const header of record.headers) if (search(Buffer.from(header.key, 'utf8'))) return true;
    if (inBytes(record.key)) return true;
    for (const header of record.headers) if (inBytes(header.value)) return true;
    return view.decodedValue === undefined ? inBytes(record.value) : inText(view.decodedValueText);
  };
}
