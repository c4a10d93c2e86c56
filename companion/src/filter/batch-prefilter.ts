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
 *   exactly. Sound only while the batch holds no backslash: a JSON string can spell a literal with
 *   escapes (`\u0041`), so a batch with one is always decoded.
 *
 * A hit may span two records' fields: the batch is then decoded and filtered record by record as
 * usual, so a false hit costs time, never a record. Null when there is nothing to test, or when
 * values are decoded before filtering (`decodedValues`: Avro or Protobuf through a schema, whose
 * JSON form is not in the bytes).
 */
export function batchPrefilter(filter: TailFilter | undefined, decodedValues: boolean): ((batch: Buffer) => boolean) | null {
  if (decodedValues) return null;
  const text = filter?.text && isAscii(filter.text) ? asciiSearcher(filter.text) : null;
  const clauses = filter?.cel?.trim() ? celRequirements(filter.cel).map((clause) => clause.map((literal) => Buffer.from(literal, 'utf8'))) : [];
  if (!text && clauses.length === 0) return null;
  return (batch) => {
    if (text && !text(batch)) return false;
    if (clauses.length === 0 || batch.includes(BACKSLASH)) return true;
    return clauses.every((anyOf) => anyOf.some((literal) => batch.includes(literal)));
  };
}

const BACKSLASH = 0x5c;

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
