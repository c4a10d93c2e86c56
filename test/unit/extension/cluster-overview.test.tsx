import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSocket, flush } from './fake-socket';
import { renderPairedApp } from './paired-app';

const brokers = [{ nodeId: 1, host: 'k1', port: 9092 }];

/** The overview's facts as term -> definition, read by role from its description list. */
function facts(): Map<string, string> {
  const overview = screen.getByRole('region', { name: 'Cluster overview' });
  const terms = within(overview).getAllByRole('term');
  const definitions = within(overview).getAllByRole('definition');
  return new Map(terms.map((term, index) => [term.textContent ?? '', definitions[index]?.textContent ?? '']));
}

async function openOverview(result: Record<string, unknown>) {
  const { socket } = await renderPairedApp();
  fireEvent.click(screen.getByRole('button', { name: 'Overview' }));
  await act(flush);
  socket.reply('describeCluster', { cluster: 'local', clusterId: 'abc', controller: 1, brokers, ...result });
  await act(flush);
}

describe('cluster overview: the Kafka version (issue 14, item 1)', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('shows the inferred release and says how it was found', async () => {
    await openOverview({ version: { name: '3.1', inferredFrom: 'apiVersions' } });
    expect(facts().get('Kafka version')).toBe('Kafka 3.1 (inferred from the API versions the broker supports)');
  });

  it('says plainly when the API versions match no release, and when they were not read', async () => {
    await openOverview({ version: { name: 'unknown', inferredFrom: 'apiVersions' } });
    expect(facts().get('Kafka version')).toMatch(/^unknown: the API versions the broker supports match no Apache Kafka release/);
    cleanup();
    FakeSocket.reset();
    await openOverview({});
    expect(facts().get('Kafka version')).toBe('not known: the broker did not tell its API versions');
  });

  it('a release newer than the table reads as "at least"', async () => {
    await openOverview({ version: { name: '≥ 3.7', inferredFrom: 'apiVersions' } });
    expect(facts().get('Kafka version')).toBe('Kafka ≥ 3.7 (inferred from the API versions the broker supports)');
  });
});
