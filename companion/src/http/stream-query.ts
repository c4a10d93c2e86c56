import { type StartPosition, StartPositionSchema, type TailFilter, TailFilterSchema, TopicNameSchema } from '@kafka-inspector/shared';
import { RestError } from './rest-errors';

/** What `GET /stream?...` asks for, validated with the protocol's own schemas. */
export interface StreamQuery {
  cluster: string | undefined;
  topic: string;
  start: StartPosition;
  partitions: number[] | undefined;
  filter: TailFilter | undefined;
  limit: number | undefined;
  /** True when the start is a resume position (Last-Event-ID or lastEventId). */
  resuming: boolean;
}

type Query = Record<string, unknown>;

const bad = (message: string) => new RestError(400, 400, 'BAD_FRAME', message);

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw bad(`${name} is given more than once`);
  return value;
}

/** `from`: latest | earliest | <ms since epoch> | <ISO date> | last:N | offset:N. */
export function parseFrom(from: string | undefined): StartPosition {
  if (from === undefined || from === 'latest') return { from: 'latest' };
  if (from === 'earliest') return { from: 'earliest' };
  let start: unknown;
  const last = /^last:(\d{1,7})$/.exec(from);
  const offset = /^offset:(\d{1,19})$/.exec(from);
  if (last) start = { from: 'lastN', count: Number(last[1]) };
  else if (offset) start = { from: 'offset', offset: offset[1] };
  else if (/^\d{1,15}$/.test(from)) start = { from: 'timestamp', timestamp: Number(from) };
  else if (/^\d{4}-\d{2}-\d{2}T/.test(from) && !Number.isNaN(Date.parse(from))) start = { from: 'timestamp', timestamp: Date.parse(from) };
  const parsed = StartPositionSchema.safeParse(start);
  if (!parsed.success) throw bad(`from=${from.slice(0, 60)}: expected latest, earliest, a timestamp (ms or ISO 8601), last:N or offset:N`);
  return parsed.data;
}

/**
 * A resume token (an SSE event id) is the next offset of every partition of the stream:
 * `0:42,1:17`. It names all of them, so a resume has no partition to guess.
 */
export function formatResumeToken(positions: ReadonlyMap<number, string>): string {
  return [...positions].sort(([a], [b]) => a - b).map(([p, o]) => `${p}:${o}`).join(',');
}

export function parseResumeToken(token: string): Record<string, string> {
  if (token.length > 20_000 || !/^\d{1,7}:\d{1,19}(,\d{1,7}:\d{1,19})*$/.test(token)) throw bad('Last-Event-ID is not a resume token of this companion (partition:offset,...)');
  return Object.fromEntries(token.split(',').map((pair) => pair.split(':') as [string, string]));
}

export function parseStreamQuery(query: Query, lastEventIdHeader: string | undefined): StreamQuery {
  const topic = TopicNameSchema.safeParse(single(query, 'topic'));
  if (!topic.success) throw bad('topic: a Kafka topic name is required');
  const partitionsText = single(query, 'partitions');
  let partitions: number[] | undefined;
  if (partitionsText !== undefined && partitionsText !== '') {
    if (!/^\d{1,7}(,\d{1,7})*$/.test(partitionsText)) throw bad('partitions: a comma-separated list of partition numbers');
    partitions = [...new Set(partitionsText.split(',').map(Number))];
  }
  const filter = TailFilterSchema.safeParse({ text: single(query, 'filter') || undefined, cel: single(query, 'cel') || undefined });
  if (!filter.success) throw bad(`filter: ${filter.error.issues[0]?.message}`);
  const limitText = single(query, 'limit');
  if (limitText !== undefined && !/^[1-9]\d{0,8}$/.test(limitText)) throw bad('limit: a positive number of records');
  const resume = lastEventIdHeader || single(query, 'lastEventId') || undefined;
  const start: StartPosition = resume ? { from: 'positions', positions: parseResumeToken(resume) } : parseFrom(single(query, 'from'));
  return {
    cluster: single(query, 'cluster') || undefined,
    topic: topic.data,
    start,
    partitions,
    filter: filter.data.text || filter.data.cel ? filter.data : undefined,
    limit: limitText === undefined ? undefined : Number(limitText),
    resuming: resume !== undefined,
  };
}
