import type { ASTNode } from '@marcbachmann/cel-js';
import { FilterError } from './filter-error';
import { regexProblem } from './regex';

/** The name `matches` calls are renamed to, so they reach our RE2 overload (cel-environment.ts). */
export const RE2_MATCHES = 'matchesRe2';

/**
 * What cel-js keeps beside the public AST: a macro call (`all`, `exists`, `map`...) is expanded at
 * parse time into a comprehension node held as the call's `meta.alternate`, and a comprehension
 * calls `args.condition` before every element. Both are cel-js internals (pinned version; the
 * hostile-filter unit tests fail if they move): the least we must touch to meter comprehensions,
 * as cel-js has no run-time cost limit of its own.
 */
interface Comprehension {
  op: 'comprehension';
  args: { condition?: (accu: unknown) => boolean; iterable: unknown; init: unknown; step: unknown };
}

interface Walked {
  /** Variables the expression reads (conservatively: a comprehension variable of the same name counts). */
  variables: Set<string>;
  comprehensions: Comprehension[];
}

/**
 * Walks a parsed expression once, at compile time:
 * - every `matches` must take a string literal pattern that RE2 accepts (else FilterError with
 *   the pattern's range), and is renamed to the RE2 overload;
 * - collects the variables read (so a record's JSON is parsed only when `value` is read) and the
 *   comprehensions to meter.
 */
export function walkFilterAst(ast: ASTNode): Walked {
  const walked: Walked = { variables: new Set(), comprehensions: [] };
  const seen = new Set<object>();
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    if (Array.isArray(item)) {
      stack.push(...item);
      continue;
    }
    if (!isNode(item)) continue;
    const node = item as ASTNode;
    if (node.op === 'id') walked.variables.add(node.args);
    if ((node.op === 'rcall' || node.op === 'call') && (node.args[0] === 'matches' || node.args[0] === RE2_MATCHES)) {
      checkPattern(node);
      (node.args as unknown[])[0] = RE2_MATCHES;
    }
    const alternate = (node as { meta?: { alternate?: unknown } }).meta?.alternate;
    if (alternate) stack.push(alternate);
    if ((node as { op: string }).op === 'comprehension') {
      const comprehension = node as unknown as Comprehension;
      walked.comprehensions.push(comprehension);
      stack.push(comprehension.args.iterable, comprehension.args.init, comprehension.args.step);
      continue;
    }
    stack.push(node.args);
  }
  return walked;
}

function isNode(value: object): boolean {
  return 'op' in value && 'args' in value;
}

function checkPattern(node: Extract<ASTNode, { op: 'rcall' | 'call' }>) {
  const pattern = node.op === 'rcall' ? node.args[2][0] : node.args[1][1];
  if (pattern?.op !== 'value' || typeof pattern.args !== 'string') {
    throw new FilterError('matches() takes a string literal pattern', { range: (pattern ?? node).range });
  }
  const problem = regexProblem(pattern.args);
  if (problem) {
    throw new FilterError(`matches('${pattern.args}'): ${hint(pattern.args) ?? 'not an RE2 regular expression'} (${problem})`, { range: pattern.range });
  }
}

/** RE2's messages name the token; say what the feature is when it is one RE2 leaves out by design. */
function hint(pattern: string): string | null {
  if (/\\[1-9k]/.test(pattern)) return 'backreferences are not supported (RE2 syntax)';
  if (/\(\?<?[=!]/.test(pattern)) return 'lookahead and lookbehind are not supported (RE2 syntax)';
  return null;
}

/** Makes every comprehension charge the meter one step per element, before it runs the element. */
export function meterComprehensions(comprehensions: Comprehension[], step: () => void): void {
  for (const { args } of comprehensions) {
    const condition = args.condition;
    args.condition = condition
      ? (accu) => {
          step();
          return condition(accu);
        }
      : () => {
          step();
          return true;
        };
  }
}
