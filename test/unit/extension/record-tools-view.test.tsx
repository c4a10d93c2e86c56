import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSocket, flush } from './fake-socket';
import { fakeTopic, renderPairedApp, renderTailing } from './paired-app';
import { fakeRecord } from './records';

const twoClusters = [
  { name: 'local', default: true, brokers: ['127.0.0.1:9092'], tls: false, sasl: null, demo: false },
  { name: 'staging', default: false, brokers: ['10.0.0.5:9093'], tls: true, sasl: 'plain', demo: false },
];

/** Paired with `clusters`, the topic list answered (orders, 2 partitions). */
async function renderPaired(clusters: unknown[] = twoClusters) {
  const paired = await renderPairedApp({ welcome: { clusters } });
  paired.socket.reply('listTopics', { topics: [{ ...fakeTopic('orders'), partitions: 2, messageCount: '10' }] });
  await act(flush);
  return paired;
}

/** A tail on `orders` holding `records`. */
const tailing = (records = [fakeRecord()]) => renderTailing(records, { welcome: { clusters: twoClusters } });

describe('cluster picker and overview (issue 14, item 1)', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('switching the cluster sends every later request to it and reloads the topics', async () => {
    const { socket } = await renderPaired();
    const picker = screen.getByRole('combobox', { name: 'Cluster' });
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['local (default)', 'staging']);
    fireEvent.change(picker, { target: { value: 'staging' } });
    await act(flush);
    expect(socket.last('listTopics')).toMatchObject({ cluster: 'staging' });
    expect(screen.getByText('TLS + SASL PLAIN')).toBeTruthy();
  });

  it('the overview shows brokers, controller, id and counts', async () => {
    const { socket } = await renderPaired();
    fireEvent.click(screen.getByRole('button', { name: 'Overview' }));
    await act(flush);
    socket.reply('describeCluster', { cluster: 'local', clusterId: 'abc-123', controller: 2, brokers: [{ nodeId: 1, host: 'k1', port: 9092 }, { nodeId: 2, host: 'k2', port: 9092 }] });
    await act(flush);
    const overview = screen.getByRole('region', { name: 'Cluster overview' });
    expect(overview.textContent).toContain('abc-123');
    expect(overview.textContent).toContain('2 (#1 k1:9092, #2 k2:9092 controller)');
    expect(overview.textContent).toContain('1 topics, 2 partitions');
  });
});

describe('timestamp starts (issue 14, item 2)', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('the demo broker is warned about; a preset fills the picker; the start is sent as ms', async () => {
    const { store, socket } = await renderPaired([{ name: 'demo', default: true, brokers: ['127.0.0.1:1'], tls: false, sasl: null, demo: true }]);
    act(() => store.getState().setActiveTab('tail'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Start' }), { target: { value: 'timestamp' } });
    expect(screen.getByRole('note').textContent).toMatch(/cannot look offsets up by time/);
    act(() => store.getState().setPreferences({ timeZone: 'utc' }));
    fireEvent.click(screen.getByRole('button', { name: '−1 h' }));
    const picked = (screen.getByLabelText(/^From/, { selector: 'input' }) as HTMLInputElement).value;
    expect(picked).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Topic' }), { target: { value: 'orders' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await act(flush);
    const sent = socket.last('tailStart') as { start: { from: string; timestamp: string } };
    expect(sent.start).toEqual({ from: 'timestamp', timestamp: String(Date.parse(`${picked}Z`)) });
  });

  it('switching to "last N" after an offset does not carry the offset over', () => {
    return renderPaired().then(({ store }) => {
      act(() => store.getState().setActiveTab('tail'));
      const start = screen.getByRole('combobox', { name: 'Start' });
      fireEvent.change(start, { target: { value: 'offset' } });
      fireEvent.change(screen.getByRole('textbox', { name: 'Offset' }), { target: { value: '1234' } });
      fireEvent.change(start, { target: { value: 'lastN' } });
      expect((screen.getByRole('textbox', { name: 'N per partition' }) as HTMLInputElement).value).toBe('100');
    });
  });
});

describe('big values and resend (issue 14, items 3 and 4)', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);
  const preview = '{"items":[' + '1,'.repeat(30);
  const whole = '{"items":[' + '1,'.repeat(30) + '1]}';
  const big = fakeRecord({ offset: '7', value: { encoding: 'json', text: preview, size: 658_000, truncated: true }, size: 658_001 });

  it('a preview says so, offers text not tree, and "Load full value" reads it by coordinates', async () => {
    const { store, socket } = await tailing([big]);
    act(() => store.getState().selectRecord('0:7'));
    expect(screen.getByText(/preview: the first/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'tree' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'text' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Copy value preview' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Load full value/ }));
    await act(flush);
    expect(socket.last('recordGet')).toMatchObject({ topic: 'orders', partition: 0, offset: '7' });
    socket.reply('recordGet', { record: { ...big, value: { encoding: 'json', text: whole, size: whole.length } }, low: '0', high: '60' });
    await act(flush);
    expect(screen.queryByText(/preview: the first/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy value' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'tree' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('"Edit and resend" of a preview loads the whole value first, and keeps its bytes', async () => {
    const { store, socket } = await tailing([big]);
    act(() => store.getState().selectRecord('0:7'));
    fireEvent.click(screen.getByRole('button', { name: 'Edit and resend' }));
    await act(flush);
    socket.reply('recordGet', { record: { ...big, value: { encoding: 'json', text: whole, size: whole.length } }, low: '0', high: '60' });
    await act(flush);
    expect(store.getState().preferences.activeTab).toBe('produce');
    expect(store.getState().produce.form.value).toBe(whole);
  });

  it('a compact JSON record is resent byte for byte (194 B stays 194 B)', async () => {
    const compact = JSON.stringify({ id: 'order-1', items: [{ sku: 'A-1', qty: 2 }, { sku: 'B-7', qty: 1 }], total: 42.5, currency: 'EUR', paid: true, note: 'x'.repeat(60) });
    const { store, socket } = await tailing([fakeRecord({ offset: '3', value: { encoding: 'json', text: compact, size: compact.length } })]);
    act(() => store.getState().selectRecord('0:3'));
    fireEvent.click(screen.getByRole('button', { name: 'Edit and resend' }));
    await act(flush);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await act(flush);
    const sent = socket.last('produce') as { records: Array<{ value: { text: string } }> };
    expect(sent.records[0]!.value.text).toBe(compact);
  });
  it('binary header values are resent with their bytes (base64), and null ones as null', async () => {
    // 0xff 0x00 0x10 is not UTF-8: the tail sends it as base64, and so must the resend.
    const binary = Buffer.from([0xff, 0x00, 0x10]).toString('base64');
    const headers = [
      { key: 'raw', value: { encoding: 'binary' as const, base64: binary, size: 3 } },
      { key: 'trace', value: { encoding: 'text' as const, text: 'abc', size: 3 } },
      { key: 'gone', value: null },
    ];
    const { store, socket } = await tailing([fakeRecord({ offset: '4', headers })]);
    act(() => store.getState().selectRecord('0:4'));
    fireEvent.click(screen.getByRole('button', { name: 'Edit and resend' }));
    await act(flush);
    expect(screen.getByRole('checkbox', { name: 'Header 1 value is base64 (bytes)' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await act(flush);
    const sent = socket.last('produce') as { records: Array<{ headers: unknown[] }> };
    expect(sent.records[0]!.headers).toEqual([
      { key: 'raw', value: { encoding: 'binary', base64: binary } },
      { key: 'trace', value: { encoding: 'text', text: 'abc' } },
      { key: 'gone', value: null },
    ]);
  });
});

describe('jump, open and load older (issue 14, item 5)', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('"Open record" reads the record and shows it; "Load older" merges what is before the first held', async () => {
    const { store, socket } = await tailing([fakeRecord({ offset: '50', timestamp: '1795503945000' })]);
    fireEvent.change(screen.getByRole('textbox', { name: 'at offset' }), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open record' }));
    await act(flush);
    expect(socket.last('recordGet')).toMatchObject({ topic: 'orders', partition: 0, offset: '12' });
    socket.reply('recordGet', { record: fakeRecord({ offset: '12' }), low: '0', high: '60' });
    await act(flush);
    expect(within(screen.getByTestId('record-detail')).getByRole('heading', { level: 2 }).textContent).toContain('#12');

    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    await act(flush);
    expect(socket.last('recordsBefore')).toMatchObject({ partition: 0, before: '50', count: 100 });
    socket.reply('recordsBefore', { records: [fakeRecord({ offset: '48', timestamp: '1795503944000' }), fakeRecord({ offset: '49', timestamp: '1795503944500' })], low: '0' });
    await act(flush);
    expect(store.getState().tail.records.map((r) => r.offset)).toEqual(['48', '49', '50']);
    expect(screen.getByText('Loaded 2 older records.')).toBeTruthy();
  });
});

describe('produce progress and cancel (issue 14, item 9)', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('many copies go in chunks with a progress count; Cancel stops after the chunk in flight', async () => {
    const { store, socket } = await renderPaired();
    act(() => {
      store.getState().setActiveTab('produce');
      store.getState().setProduceForm({ topic: 'orders', value: '{"a":1}', copies: 2000 });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send 2000 records' }));
    await act(flush);
    expect((socket.last('produce') as { records: unknown[] }).records).toHaveLength(500);
    socket.reply('produce', { records: Array.from({ length: 500 }, (_, i) => ({ partition: 0, offset: String(i) })) });
    await act(flush);
    expect(screen.getByText('500 of 2,000 sent')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    socket.reply('produce', { records: Array.from({ length: 500 }, (_, i) => ({ partition: 0, offset: String(500 + i) })) });
    await act(flush);
    expect(socket.sent.filter((f) => f.type === 'produce')).toHaveLength(2);
    expect(screen.getByRole('alert').textContent).toBe('Cancelled: 1000 of 2000 records were sent.');
  });
});
