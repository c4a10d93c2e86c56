import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../../companion/src/config/loopback';
import { isLoopbackHost as fromValues } from '../../../../companion/src/config/values';

describe('isLoopbackHost (the one loopback predicate)', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.2', true],
    ['127.255.255.254', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['128.0.0.1', false],
    ['126.0.0.1', false],
    ['192.168.1.5', false],
    ['127.0.0.1.evil.example', false],
    ['127.0.0.256', false],
    ['localhost.evil.example', false],
    ['::ffff:128.0.0.1', false],
    ['fe80::1%eth0', false],
    ['', false],
  ])('%s -> %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('is the same function config/values exports', () => {
    expect(fromValues).toBe(isLoopbackHost);
  });
});
