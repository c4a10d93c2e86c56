import { describe, expect, it } from 'vitest';
import { connectionSecurity, preview } from '../../../extension/src/ui/format';

const text = (t: string) => ({ encoding: 'text' as const, text: t, size: t.length });

describe('preview (one table cell)', () => {
  it('shows short text whole, with whitespace collapsed', () => {
    expect(preview(text('{\n  "a": 1\n}'))).toBe('{ "a": 1 }');
    expect(preview(null)).toBe('∅');
  });

  it('cuts long text at max with an ellipsis, also when collapsing whitespace made the head short', () => {
    expect(preview(text('x'.repeat(500)), 10)).toBe(`${'x'.repeat(10)}…`);
    const mostlySpaces = `a${' '.repeat(5000)}b${'c'.repeat(10)}`;
    expect(preview(text(mostlySpaces), 10)).toBe('a …');
  });

  it('shows binary as hex of its first 24 bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 40 }, (_, i) => i));
    const shown = preview({ encoding: 'binary', base64: bytes.toString('base64'), size: 40 }, 200);
    expect(shown.startsWith('0x00 01 02')).toBe(true);
    expect(shown.endsWith('17 …')).toBe(true);
  });
});

describe('connectionSecurity', () => {
  it.each([
    [{ tls: false, sasl: null }, 'plaintext'],
    [{ tls: true, sasl: null }, 'TLS'],
    [{ tls: true, sasl: 'plain' }, 'TLS + SASL PLAIN'],
    [{ tls: true, sasl: 'scram-sha-512' }, 'TLS + SASL SCRAM-SHA-512'],
    [{ tls: false, sasl: 'scram-sha-256' }, 'SASL SCRAM-SHA-256'],
  ] as const)('%j -> %s', (cluster, label) => {
    expect(connectionSecurity(cluster)).toBe(label);
  });
});
