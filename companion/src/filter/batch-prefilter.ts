import type { TailFilter } from '@kafka-inspector/shared';
import type { ASTNode } from '@marcbachmann/cel-js';
import { asciiSearcher, isAscii } from './ascii-search';
import { filterEnvironment } from './cel-environment';

/**
 * A test on a whole record batch's bytes (decompressed) that every batch holding a matching record
 * passes: a batch that fails it is counted as scanned and stepped over without decoding a record.
 * Most of a needle search is batches without the needle, so most bytes are only `indexOf`ed.
 *
 * - Text filter: its ASCII needle is matched in the raw bytes of a header name, key, header value
 *   or value (ascii-search.ts), each of which lies whole inside its batch: a batch without the
 *   needle has no record with it.
 * - CEL: string literals the expression cannot be true without (see celRequirements), looked for
 *   exactly. A JSON string can spell a literal with escapes (`\u0041`, and `\/` for a slash), so a
 *   batch holding an escape that could spell one is always decoded (escapeSequences). Not any
 *   backslash byte: 0x5c is also a varint in the records' framing (an offset delta of 46).
 *
 * A hit may span two records' fields: the batch is then decoded and filtered record by record as
 * usual, so a false hit costs time, never a record. Null when there is nothing to test, or when
 * values are decoded before filtering (`decodedValues`: Avro or Protobuf through a schema, whose
 * JSON form is not in the bytes).
 */
export function batchPrefilter(filter: TailFilter | undefined, decodedValues: boolean): ((batch: Buffer) => boolean) | null {
  if (decodedValues) return null;
  const text = filter?.text && isAscii(filter.text) ? asciiSearcher(filter.text) : null;
  const literals = filter?.cel?.trim() ? celRequirements(filter.cel) : [];
  const clauses = literals.map((clause) => clause.map((literal) => Buffer.from(literal, 'utf8')));
  const escapes = escapeSequences(literals.flat());
  if (!text && clauses.length === 0) return null;
  return (batch) => {
    if (text && !text(batch)) return false;
    if (clauses.length === 0 || escapes.some((escape) => batch.includes(escape))) return true;
    return clauses.every((anyOf) => anyOf.some((literal) => batch.includes(literal)));
  };
}

/** JSON's two-character escapes, by the character they stand for. */
const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The escape sequences that could spell a character of these literals inside a JSON string: `\u` always. */
function escapeSequences(literals: string[]): Buffer[] {
  const sequences = new Set(['\\u']);
  for (const literal of literals) for (const char of literal) if (SHORT_ESCAPES[char]) sequences.add(SHORT_ESCAPES[char]);
  return [...sequences].map((sequence) => Buffer.from(sequence, 'latin1'));
}

/**
 * What a CEL filter needs to find in a record's bytes, as clauses that must all hold, each a list
 * of literals of which one must appear. Only the plainest forms count, where the literal is
 * compared to a field as it is stored: `F == "lit"`, `"lit" == F`, `F.contains/startsWith/
 * endsWith("lit")`, `"lit" in F`, joined by `&&` (every side's clauses) or `||` (one clause of
 * either side, merged). F is `key`, `value` or `headers`, with field and index selections: each
 * is the record's bytes read as UTF-8 text or JSON. Anything else (`string(value.n) == "12"`,
 * `topic == "t"`, `!`, numbers: a JSON number has many spellings) requires nothing.
 */
export function celRequirements(expression: string): string[][] {
  try {
    return requirements(filterEnvironment.parse(expression).ast);
  } catch {
    return [];
  }
}

function requirements(node: ASTNode): string[][] {
  const { op } = node as { op: string };
  const args = (node as { args: unknown }).args as unknown[];
  if (op === '&&') return [...requirements(args[0] as ASTNode), ...requirements(args[1] as ASTNode)];
  if (op === '||') {
    const [left, right] = [requirements(args[0] as ASTNode), requirements(args[1] as ASTNode)];
    return left.length && right.length ? [[...left[0]!, ...right[0]!]] : [];
  }
  if (op === '==') {
    const [a, b] = args as [ASTNode, ASTNode];
    const literal = stringLiteral(a) ?? stringLiteral(b);
    const field = stringLiteral(a) !== null ? b : a;
    return literal !== null && isRecordField(field) ? [[literal]] : [];
  }
  if (op === 'in') {
    const literal = stringLiteral(args[0] as ASTNode);
    return literal !== null && isRecordField(args[1] as ASTNode) ? [[literal]] : [];
  }
  if (op === 'rcall' && ['contains', 'startsWith', 'endsWith'].includes(args[0] as string)) {
    const [, receiver, callArgs] = args as [string, ASTNode, ASTNode[]];
    const literal = callArgs.length === 1 ? stringLiteral(callArgs[0]!) : null;
    return literal !== null && isRecordField(receiver) ? [[literal]] : [];
  }
  return [];
}

/** A non-empty string literal that UTF-8 text decoded from bytes can hold as such. */
function stringLiteral(node: ASTNode): string | null {
  const { op, args } = node as { op: string; args: unknown };
  // U+FFFD stands for bytes that are not UTF-8: a literal holding it is not in the bytes.
  return op === 'value' && typeof args === 'string' && args.length > 0 && !args.includes('\uFFFD') ? args : null;
}

const RECORD_BYTES = new Set(['key', 'value', 'headers']);

function isRecordField(node: ASTNode): boolean {
  const { op, args } = node as { op: string; args: unknown };
  if (op === 'id') return RECORD_BYTES.has(args as string);
  if (op === '.') return isRecordField((args as [ASTNode, string])[0]);
  if (op === '[]') {
    const [object, index] = args as [ASTNode, ASTNode];
    return (index as { op: string }).op === 'value' && isRecordField(object);
  }
  return false;
}
