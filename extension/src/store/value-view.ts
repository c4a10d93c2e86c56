import type { EncodedData } from '@kafka-inspector/shared';
import type { ValueView } from './preferences-slice';

/**
 * Which views a value can be shown in, and the one shown for the chosen view: a tree needs whole
 * JSON (a preview cut mid-value does not parse), and bytes that are not UTF-8 only make sense as
 * hex. The buttons then say what is on screen, not what was last clicked.
 */
export function valueViews(data: EncodedData, chosen: ValueView): { shown: ValueView; available: ValueView[] } {
  const available: ValueView[] = data.encoding === 'binary' ? ['hex'] : data.encoding === 'json' && !data.truncated ? ['tree', 'text', 'hex'] : ['text', 'hex'];
  const shown = available.includes(chosen) ? chosen : chosen === 'tree' && available.includes('text') ? 'text' : available[0]!;
  return { shown, available };
}
