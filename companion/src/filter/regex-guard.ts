import type { ASTNode } from '@marcbachmann/cel-js';

/**
 * CEL's `matches` runs JavaScript's backtracking RegExp on the event loop, and Node 20 has no
 * linear-time engine to switch to. One catastrophic pattern, e.g. `(a+)+$` against a long value,
 * would freeze every socket. So patterns must be literals (checked once, here) and must not nest
 * unbounded quantifiers or use backreferences, the classic exponential shapes. It is a guard
 * against accidents, not a proof: polynomial patterns such as `.*.*.*x` still pass.
 */
export function findUnsafeRegex(ast: ASTNode): string | null {
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isNode(node)) {
      if (Array.isArray(node)) stack.push(...node);
      continue;
    }
    if ((node.op === 'rcall' || node.op === 'call') && node.args[0] === 'matches') {
      const pattern = node.op === 'rcall' ? node.args[2][0] : node.args[1][1];
      if (pattern?.op !== 'value' || typeof pattern.args !== 'string') {
        return 'matches() takes a string literal pattern';
      }
      const problem = patternProblem(pattern.args);
      if (problem) return `matches('${pattern.args}'): ${problem}`;
    }
    stack.push(node.args);
  }
  return null;
}

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && 'op' in value && 'args' in value;
}

/** Star height above one (a quantified group holding an unbounded quantifier) or a backreference. */
function patternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
  } catch (error) {
    // CEL documents RE2 syntax, but cel-js runs JavaScript's RegExp: `(?i)` and friends fail here.
    return `not a valid JavaScript regular expression (${(error as Error).message})`;
  }
  // Per open group: does it contain an unbounded quantifier?
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return 'backreferences are not allowed';
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      groups.push(false);
    } else if (char === ')') {
      const hadUnbounded = groups.pop() ?? false;
      if (hadUnbounded && isRepeatAt(pattern, i + 1)) return 'nested quantifiers can take exponential time';
      if (hadUnbounded && groups.length > 0) groups[groups.length - 1] = true;
    } else if (isUnboundedAt(pattern, i) && groups.length > 0) {
      groups[groups.length - 1] = true;
    }
  }
  return null;
}

/** `?` is left out: an optional group matches at most once, which cannot blow up. */
function isRepeatAt(pattern: string, i: number): boolean {
  const char = pattern[i];
  return char === '*' || char === '+' || (char === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i, i + 24)));
}

function isUnboundedAt(pattern: string, i: number): boolean {
  const char = pattern[i];
  return char === '*' || char === '+' || (char === '{' && /^\{\d+,\}/.test(pattern.slice(i, i + 24)));
}
