import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../../companion/src/filter/filter';

const compiles = (pattern: string) => {
  try {
    compileFilter({ cel: `key.matches(${JSON.stringify(pattern)})` });
    return true;
  } catch {
    return false;
  }
};

describe('regex guard for matches()', () => {
  it.each(['^abc$', 'a+b*', '(ab)+', '(a|b)+c', '[(a+)+]', '\\(a+\\)+', '(a+)?', '(a+)b+', '(?:x[0-9]+)?y', 'a{2,5}'])(
    'accepts %s',
    (pattern) => expect(compiles(pattern)).toBe(true),
  );

  it.each(['(a+)+', '(a*)*', '(a+){2,}', '(.*a){10}', '((ab)+)+', '(x(a+)y)*', '(a)\\1', '(?<n>a)\\k<n>'])(
    'rejects %s',
    (pattern) => expect(compiles(pattern)).toBe(false),
  );
});
