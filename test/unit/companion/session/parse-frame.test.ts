import { describe, expect, it } from 'vitest';
import { parseFrame } from '../../../../companion/src/session/parse-frame';

describe('parseFrame', () => {
  it('accepts a valid request', () => {
    expect(parseFrame('{"id":"1","type":"ping"}')).toEqual({ ok: true, message: { id: '1', type: 'ping' } });
  });

  it.each([
    ['{', null, /not valid JSON/],
    ['null', null, /JSON object/],
    ['[]', null, /JSON object/],
    ['{"id":"7","type":"nope"}', '7', /unknown frame type "nope"/],
    ['{"id":"8","type":"describeTopic","topic":"bad topic!"}', '8', /invalid describeTopic: topic/],
    ['{"id":9,"type":"ping"}', null, /id/],
  ])('%s -> BAD_FRAME', (text, id, message) => {
    const parsed = parseFrame(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.id).toBe(id);
      expect(parsed.error.code).toBe('BAD_FRAME');
      expect(parsed.error.message).toMatch(message);
    }
  });

  it('does not let __proto__ through to the handlers', () => {
    const parsed = parseFrame('{"id":"1","type":"ping","__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed.ok).toBe(false);
  });
});
