import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { humanConfigValue } from '../../../extension/src/ui/config-value';
import { FakeSocket, flush } from './fake-socket';
import { renderPairedApp } from './paired-app';

const topic = (name: string) => ({ name, partitions: 1, replicationFactor: 1, messageCount: '3', internal: false });

const paired = () => renderPairedApp();

const detail = (configs: unknown[]) => ({ name: 'orders', internal: false, partitions: [{ partition: 0, leader: 1, replicas: [1], isr: [1], low: '0', high: '3' }], configs });

describe('Topics and Groups: one list+detail scaffolding', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('while topics load the view says "Loading topics…", never "0 of 0 topics"', async () => {
    const { socket } = await paired();
    expect(screen.getByTestId('topics-count').textContent).toBe('Loading topics…');
    expect(screen.getByTestId('topics-state').textContent).toBe('Loading topics…');
    expect(document.body.textContent).not.toContain('0 of 0');
    socket.reply('listTopics', { topics: [] });
    await flush();
    expect(screen.getByTestId('topics-count').textContent).toBe('0 of 0 topics');
    expect(screen.getByTestId('topics-state').textContent).toBe('No topics yet.');
  });

  it('topic rows are one Tab stop in a grid: arrows move, Enter opens, the open row is aria-selected', async () => {
    const { socket } = await paired();
    socket.reply('listTopics', { topics: [topic('a'), topic('b'), topic('c')] });
    await flush();
    const grid = screen.getByRole('grid', { name: 'Topics' });
    const rows = within(grid).getAllByRole('row').slice(1); // the first is the header
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    rows[0]!.focus();
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(rows[1]!, { key: 'End' });
    expect(document.activeElement).toBe(rows[2]);
    fireEvent.keyDown(rows[2]!, { key: 'Enter' });
    await flush();
    expect(socket.last('describeTopic')).toMatchObject({ topic: 'c' });
    expect(rows[2]!.getAttribute('aria-selected')).toBe('true');
    expect(rows.map((r) => r.tabIndex)).toEqual([-1, -1, 0]);
    fireEvent.click(screen.getByRole('button', { name: 'Close c' }));
    expect(screen.queryByTestId('topic-detail')).toBeNull();
  });

  it('topic configs show human units, tell overrides from defaults with a legend, and filter', async () => {
    const { socket, store } = await paired();
    socket.reply('listTopics', { topics: [topic('orders')] });
    await flush();
    void store.getState().selectTopic('orders');
    await flush();
    socket.reply('describeTopic', detail([
      { name: 'retention.ms', value: '604800000', isDefault: false, readOnly: false, sensitive: false },
      { name: 'retention.bytes', value: '-1', isDefault: true, readOnly: false, sensitive: false },
      { name: 'max.message.bytes', value: '1048588', isDefault: true, readOnly: false, sensitive: false },
      { name: 'local.retention.ms', value: '9223372036854775807', isDefault: true, readOnly: false, sensitive: false },
      { name: 'cleanup.policy', value: 'delete', isDefault: true, readOnly: false, sensitive: false },
    ]));
    await flush();
    const row = (name: string) => screen.getAllByTestId('config-row').find((r) => r.dataset.config === name)!;
    expect(row('retention.ms').textContent).toMatch(/^retention\.ms7 d 604800000override$/);
    expect(row('retention.bytes').textContent).toContain('unlimited');
    expect(row('max.message.bytes').textContent).toContain('1 MiB');
    expect(row('local.retention.ms').textContent).toContain('unlimited');
    expect(row('cleanup.policy').textContent).toBe('cleanup.policydeletedefault');
    expect(screen.getByTestId('config-legend').textContent).toMatch(/override set on this topic \(1\).*default from the broker/);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter configs' }), { target: { value: 'retention' } });
    expect(screen.getAllByTestId('config-row').map((r) => r.dataset.config)).toEqual(['retention.ms', 'retention.bytes', 'local.retention.ms']);
  });

  it('an unknown group says "No such group" (NOT_FOUND, or described Dead with nothing committed), not "State unknown, lag 0"', async () => {
    const { socket, store } = await paired();
    store.getState().setActiveTab('groups');
    await flush();
    socket.reply('listGroups', { groups: [] });
    await flush();
    expect(screen.getByTestId('groups-state').textContent).toBe('No consumer groups.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Look up a group by id' }), { target: { value: 'nope' } });
    fireEvent.submit(screen.getByRole('search'));
    await flush();
    const request = socket.last('describeGroup');
    socket.push({ type: 'error', id: request.id, ok: false, error: { code: 'NOT_FOUND', message: 'consumer group nope does not exist' } });
    await flush();
    expect(screen.getByTestId('group-detail-missing').textContent).toMatch(/^No such group: “nope”/);
    expect(screen.queryByTestId('group-total-lag')).toBeNull();

    void store.getState().selectGroup('ghost');
    await flush();
    socket.reply('describeGroup', { groupId: 'ghost', state: 'Dead', protocol: null, members: [], offsets: [], totalLag: '0' });
    await flush();
    expect(screen.getByTestId('group-detail-missing').textContent).toMatch(/^No such group: “ghost”/);
    expect(screen.queryByText(/Total lag/)).toBeNull();
  });
});

describe('humanConfigValue', () => {
  it.each([
    ['retention.ms', '604800000', '7 d'],
    ['segment.ms', '3600000', '1 h'],
    ['file.delete.delay.ms', '60000', '1 min'],
    ['flush.ms', '9223372036854775807', 'unlimited'],
    ['retention.ms', '-1', 'unlimited'],
    ['retention.bytes', '-1', 'unlimited'],
    ['segment.bytes', '1073741824', '1 GiB'],
    ['index.interval.bytes', '4096', '4 KiB'],
    ['max.message.bytes', '100', '100 bytes'],
    ['min.insync.replicas', '1', null],
    ['cleanup.policy', 'delete', null],
    ['retention.ms', null, null],
  ])('%s = %s -> %s', (name, value, expected) => {
    expect(humanConfigValue(name, value)).toBe(expected);
  });
});
