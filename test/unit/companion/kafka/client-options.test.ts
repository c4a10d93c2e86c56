import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saslOptions, tlsOptions } from '../../../../companion/src/kafka/client';

// SCRAM cannot run against ../shared/kafka (Kafka 3.1 in KRaft mode has no SCRAM), so its path from
// profile to KafkaJS is checked here; PLAIN and TLS also run for real in secured-cluster.test.ts.
describe('KafkaJS client options from a cluster profile', () => {
  it.each(['plain', 'scram-sha-256', 'scram-sha-512'] as const)('SASL %s passes mechanism, user and password through', (mechanism) => {
    expect(saslOptions({ name: 'p', brokers: ['b:9093'], sasl: { mechanism, username: 'ki', password: 'pw' } })).toEqual({ mechanism, username: 'ki', password: 'pw' });
  });

  it('no SASL section means no SASL', () => {
    expect(saslOptions({ name: 'p', brokers: ['b:9092'] })).toBeUndefined();
  });

  it('TLS reads the PEM files and verifies certificates unless the profile says not to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ki-pem-'));
    writeFileSync(join(dir, 'ca.pem'), 'CA PEM');
    expect(tlsOptions({ ca: join(dir, 'ca.pem') })).toEqual({ ca: 'CA PEM', cert: undefined, key: undefined, rejectUnauthorized: true });
    expect(tlsOptions({ rejectUnauthorized: false })).toMatchObject({ rejectUnauthorized: false });
    expect(tlsOptions(true)).toBe(true);
    expect(tlsOptions(undefined)).toBeUndefined();
  });
});
