import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bridge } from '../../../extension/src/bridge/client';
import type { HarEntry } from '../../../extension/src/devtools/har';
import { createHarInspectedPage } from '../../../extension/src/devtools/inspected-page';
import { withRequests } from '../../../extension/src/store/correlation-slice';
import { CorrelationRecordLink } from '../../../extension/src/ui/CorrelationRecordLink';
import { RequestsView } from '../../../extension/src/ui/RequestsView';
import { StoreContext } from '../../../extension/src/ui/store-context';
import { asWebSocket, FakeSocket, flush } from './fake-socket';
import { fakeRecord } from './records';
import { wiredStore } from './wired-store';

const storage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const started = Date.parse('2026-11-25T10:00:00.000Z');

const entry = (path: string, at: number, headers: HarEntry['request']['headers'] = []): HarEntry => ({
  startedDateTime: new Date(at).toISOString(),
  time: 35,
  request: { method: 'POST', url: `https://shop.test${path}`, headers, postData: { mimeType: 'application/json', text: '{"amount":42.5}' } },
  response: { status: 200, headers: [], content: { size: 2, mimeType: 'application/json', text: '{}' } },
});

async function paired() {
  const store = wiredStore(new Bridge({ WebSocket: asWebSocket }), storage);
  const connecting = store.getState().connect('ws://127.0.0.1:7341/ws', 'tok');
  await flush();
  FakeSocket.latest().open();
  FakeSocket.latest().welcome();
  await connecting;
  return store;
}

const renderWith = (store: Awaited<ReturnType<typeof paired>>, ui: React.ReactNode) => render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);

describe('the Requests view', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('on the standalone page: hidden, saying why, and no record -> request links', async () => {
    const store = await paired();
    store.getState().attachInspectedPage({ reason: 'standalone' });
    renderWith(store, <><RequestsView /><CorrelationRecordLink record={fakeRecord({ headers: [{ key: 'traceparent', value: { encoding: 'text', text: `00-${TRACE}-00f067aa0ba902b7-01`, size: 55 } }] })} /></>);
    expect(screen.getByTestId('requests-unavailable').textContent).toMatch(/standalone.*no browser tab is inspected.*Everything else works here/s);
    expect(screen.queryByTestId('requests-list')).toBeNull();
    expect(screen.queryByTestId('record-requests')).toBeNull();
  });

  it('lists a HAR-fed page newest first, searches the picked request with a CEL filter and groups what comes back', async () => {
    const store = await paired();
    const page = createHarInspectedPage([entry('/api/pay', started, [{ name: 'traceparent', value: `00-${TRACE}-00f067aa0ba902b7-01` }]), entry('/api/cart', started + 500)], 'https://shop.test');
    store.getState().attachInspectedPage(page);
    await flush();
    store.getState().setSiteSettings({ topics: ['payments'] });
    renderWith(store, <RequestsView />);
    const rows = screen.getAllByTestId('request-row');
    expect(rows.map((r) => r.dataset.url)).toEqual(['https://shop.test/api/cart', 'https://shop.test/api/pay']);
    expect(rows[1]!.getAttribute('aria-label')).toMatch(/^POST https:\/\/shop.test\/api\/pay, status 200, at /);

    // No ids in the cart request: said plainly, nothing searched.
    fireEvent.click(rows[0]!);
    await flush();
    expect(screen.getByTestId('correlation-status').textContent).toMatch(/No correlation id/);
    expect(FakeSocket.latest().sent.some((f) => f.type === 'tailStart')).toBe(false);

    fireEvent.keyDown(screen.getByTestId('requests-list'), { key: 'ArrowDown' });
    await flush();
    const start = FakeSocket.latest().last('tailStart') as { topic: string; start: unknown; filter: { cel: string } };
    expect(start.topic).toBe('payments');
    expect(start.start).toEqual({ from: 'timestamp', timestamp: String(started - 2000) });
    expect(start.filter.cel).toContain(`["${TRACE}"].exists(id,`);
    FakeSocket.latest().reply('tailStart', { streamId: 's1', topic: 'payments', partitions: [{ partition: 0, offset: '0', low: '0', high: '5' }] });
    await flush();
    const header = { key: 'traceparent', value: { encoding: 'text' as const, text: `00-${TRACE}-1111111111111111-01`, size: 55 } };
    FakeSocket.latest().push({
      type: 'records',
      streamId: 's1',
      records: [fakeRecord({ topic: 'payments', offset: '4', timestamp: String(started + 240), headers: [header] }), fakeRecord({ topic: 'payments', offset: '3', timestamp: String(started + 80), headers: [header] })],
    });
    await flush();
    expect(screen.getByTestId('correlation-status').dataset.status).toBe('searching');
    // The window closed long ago, but the search is done only once the tail has read to the end.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(screen.getByTestId('correlation-status').dataset.status).toBe('searching');
    FakeSocket.latest().push({ type: 'status', streamId: 's1', status: 'caught-up' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(screen.getByTestId('correlation-status').textContent).toMatch(/^2 records found in payments\.$/);
    expect(FakeSocket.latest().last('tailStop')).toMatchObject({ streamId: 's1' });
    expect(screen.getAllByTestId('correlated-record').map((r) => [r.dataset.offset, r.querySelector('td')?.textContent])).toEqual([
      ['3', '+80 ms'],
      ['4', '+240 ms'],
    ]);

    // Record -> request: a record with the same trace id links back to the payment.
    cleanup();
    renderWith(store, <CorrelationRecordLink record={fakeRecord({ headers: [header] })} />);
    expect(screen.getByTestId('record-request-link').textContent).toBe('POST /api/pay · 200');
    fireEvent.click(screen.getByTestId('record-request-link'));
    expect(store.getState().preferences.activeTab).toBe('requests');

    // Produce from the request: its JSON body and its traceparent header.
    store.getState().produceFromRequest(rows[1]!.dataset.requestId!, 'request');
    expect(store.getState().produce.form).toMatchObject({ value: '{\n  "amount": 42.5\n}', valueMode: 'json', topic: 'payments', headers: [{ key: 'traceparent', value: `00-${TRACE}-00f067aa0ba902b7-01` }] });
  });

  it('follow mode searches each new request as it finishes; the list stays bounded', async () => {
    const store = await paired();
    const page = createHarInspectedPage([], 'https://shop.test');
    store.getState().attachInspectedPage(page);
    await flush();
    store.getState().setSiteSettings({ topics: ['payments'] });
    store.getState().setFollow(true);
    page.add(entry('/api/pay', started, [{ name: 'x-request-id', value: 'req-778899' }]));
    await flush();
    expect((FakeSocket.latest().last('tailStart') as { filter: { cel: string } }).filter.cel).toContain('"req-778899"');
    const many = Array.from({ length: 400 }, (_, i) => ({ ...store.getState().correlation.requests[0]!, id: `x${i}`, startedAt: i }));
    const held = withRequests([], many);
    expect(held).toHaveLength(300);
    expect(held[0]!.startedAt).toBe(399);
  });
});
