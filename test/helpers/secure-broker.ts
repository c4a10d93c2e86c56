import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LAUNCHER = resolve('../shared/kafka/kafka-broker');

/** The real broker launcher beside the checkout (developers and CI); a user's machine has none. */
export const hasSharedKafka = () => existsSync(LAUNCHER);

export interface SecureBroker {
  pid: number;
  /** Plaintext listener (for set-up). */
  plain: string;
  /** TLS listener. */
  ssl: string;
  /** TLS + SASL/PLAIN listener. */
  saslSsl: string;
  /** The fresh CA that signed the broker's certificate. */
  caPem: string;
  /** The broker's data folder, holding the CA's key too (for client certificates). */
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts ../shared/kafka's broker with its TLS and SASL_SSL listeners for USER:PASS. */
export async function startSecureBroker(user: string, password: string, sets: string[] = []): Promise<SecureBroker> {
  const args = ['start', '--secure', `${user}:${password}`, ...sets.flatMap((s) => ['--set', s])];
  const { stdout } = await run(LAUNCHER, args, { timeout: 90_000 });
  const [pid, plain, ssl, saslSsl, caPem] = stdout.trim().split(/\s+/);
  if (!pid || !plain || !ssl || !saslSsl || !caPem) throw new Error(`kafka-broker start --secure printed: ${stdout}`);
  return {
    pid: Number(pid),
    plain,
    ssl,
    saslSsl,
    caPem,
    dataDir: resolve(caPem, '..'),
    stop: async () => void (await run(LAUNCHER, ['stop', pid], { timeout: 60_000 }).catch(() => process.kill(Number(pid), 'SIGKILL'))),
  };
}

/** A client key and certificate signed by the broker's CA, for mutual TLS. */
export async function makeClientCertificate(broker: SecureBroker, dir: string): Promise<{ cert: string; key: string }> {
  const key = resolve(dir, 'client-key.pem');
  const csr = resolve(dir, 'client.csr');
  const cert = resolve(dir, 'client.pem');
  await run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=kafka-inspector-test', '-keyout', key, '-out', csr]);
  await run('openssl', ['x509', '-req', '-in', csr, '-CA', broker.caPem, '-CAkey', resolve(broker.dataDir, 'ca-key.pem'), '-CAcreateserial', '-days', '1', '-out', cert]);
  return { cert, key };
}

/** A CA nobody trusts, for the untrusted-CA case. */
export async function makeStrangerCa(dir: string): Promise<string> {
  const ca = resolve(dir, 'stranger-ca.pem');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=stranger CA', '-keyout', resolve(dir, 'stranger-key.pem'), '-out', ca]);
  return ca;
}
