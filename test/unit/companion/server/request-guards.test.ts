import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin } from '../../../../companion/src/server/request-guards';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';

describe('isAllowedOrigin', () => {
  it.each([
    [undefined, true],
    [`chrome-extension://${EXT}`, true],
    ['http://127.0.0.1:7341', true],
    ['http://localhost:7341', true],
    ['http://[::1]:7341', true],
    ['http://127.0.0.1:8080', false],
    ['https://127.0.0.1:7341', false],
    ['http://evil.example', false],
    ['null', false],
    ['chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba', false],
    [`chrome-extension://${EXT}.evil`, false],
    ['moz-extension://abc', false],
    ['', false],
  ])('%s -> %s', (origin, allowed) => {
    expect(isAllowedOrigin(origin, 7341, [EXT])).toBe(allowed);
  });

  it('accepts the listen address as the standalone page\'s origin only when it is loopback', () => {
    expect(isAllowedOrigin('http://127.0.0.2:7341', 7341, [], '127.0.0.2')).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.2:7341', 7341, [], '127.0.0.1')).toBe(false);
    expect(isAllowedOrigin('http://192.168.1.5:7341', 7341, [], '192.168.1.5')).toBe(false);
  });
});

describe('isAllowedHost', () => {
  it.each([
    ['127.0.0.1:7341', true],
    ['localhost:7341', true],
    ['LOCALHOST:7341', true],
    ['[::1]:7341', true],
    ['127.0.0.2:7341', true],
    ['[0:0:0:0:0:0:0:1]:7341', true],
    ['127.0.0.1:7342', false],
    ['128.0.0.1:7341', false],
    ['localhost.evil.example:7341', false],
    ['evil.example:7341', false],
    ['127.0.0.1.evil.example:7341', false],
    [undefined, false],
  ])('%s -> %s on loopback', (host, allowed) => {
    expect(isAllowedHost(host, 7341, true)).toBe(allowed);
  });

  it('accepts any Host when the user chose a non-loopback interface', () => {
    expect(isAllowedHost('inspector.lan:7341', 7341, false)).toBe(true);
  });
});
