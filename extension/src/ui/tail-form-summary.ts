import type { StartPosition } from '@kafka-inspector/shared';

export interface TailFormFields {
  topic: string;
  from: StartPosition['from'];
  /** The start's parameter as typed: N, an offset or a date and time. */
  param: string;
  text: string;
  cel: string;
}

/** The folded tail form's one line: "orders · last 100 · filter: paid". */
export function tailFormSummary({ topic, from, param, text, cel }: TailFormFields): string {
  const start = from === 'lastN' ? `last ${param}` : from === 'offset' ? `from offset ${param}` : from === 'timestamp' ? `from ${param.replace('T', ' ')}` : from;
  const filters = [text && `filter: ${text}`, cel && `CEL: ${cel}`].filter(Boolean);
  return [topic || 'no topic chosen', start, ...filters].join(' · ');
}
