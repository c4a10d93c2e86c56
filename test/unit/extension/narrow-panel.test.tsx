import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreContext } from '../../../extension/src/ui/store-context';
import { tailFormSummary } from '../../../extension/src/ui/tail-form-summary';
import { formatTimeIn, timeColumnText } from '../../../extension/src/ui/time-format';
import { TimeText } from '../../../extension/src/ui/TimeText';
import { FakeSocket, flush } from './fake-socket';
import { fakeTopic, renderPairedApp } from './paired-app';
import { fakeRecord } from './records';

const landed = () => act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));

/** A panel `width` px wide, as far as the UI's media queries can tell. */
function panelWidth(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => {
    const max = /max-width:\s*(\d+)px/.exec(query);
    return { matches: max ? width <= Number(max[1]) : false, media: query, addEventListener() {}, removeEventListener() {} };
  });
}

async function paired() {
  const { store, socket } = await renderPairedApp();
  socket.reply('listTopics', { topics: [fakeTopic('orders')] });
  await flush();
  act(() => store.getState().setActiveTab('tail'));
  return { store, socket };
}

/** Starts a tail of "orders" from the form, as a person would, and lets one record land. */
async function startFromForm({ store, socket }: Awaited<ReturnType<typeof paired>>) {
  fireEvent.change(screen.getByRole('combobox', { name: 'Topic' }), { target: { value: 'orders' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Server filter (text)' }), { target: { value: 'paid' } });
  fireEvent.click(screen.getByRole('button', { name: 'Start' }));
  await flush();
  socket.reply('tailStart', { streamId: 's1', topic: 'orders', partitions: [{ partition: 0, offset: '0', low: '0', high: '3' }] });
  await flush();
  socket.push({ type: 'records', streamId: 's1', records: [fakeRecord()] });
  await landed();
  return store;
}

describe('a narrow panel (DevTools docked at the side, issue 14: 8)', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('at 420 px the tail form folds to a one-line summary once a tail starts; a named toggle (aria-expanded, aria-controls) unfolds it', async () => {
    panelWidth(420);
    const panel = await paired();
    // Before any tail the fields are what is needed: no fold yet.
    expect(screen.queryByRole('button', { name: /Tail settings/ })).toBeNull();
    const store = await startFromForm(panel);
    const toggle = screen.getByRole('button', { name: /Tail settings/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).not.toBeNull();
    expect(screen.getByTestId('tail-form-summary').textContent).toBe('orders · last 100 · filter: paid');
    expect(screen.queryByRole('combobox', { name: 'Topic' })).toBeNull();
    expect(store.getState().preferences.tailFormCollapsed).toBe(true);

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect((screen.getByRole('combobox', { name: 'Topic' }) as HTMLInputElement).value).toBe('orders');
    expect(screen.queryByTestId('tail-form-summary')).toBeNull();
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: /Tail settings/ }).getAttribute('aria-expanded')).toBe('false');

    // A refused start leaves the fields open, whatever the fold: they are what needs fixing.
    act(() => store.setState((s) => ({ tail: { ...s.tail, status: 'error', error: 'refused' } })));
    expect(screen.getByRole('combobox', { name: 'Topic' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Tail settings/ })).toBeNull();
  });

  it('wide, the form stays whole with no toggle', async () => {
    panelWidth(1280);
    await startFromForm(await paired());
    expect(screen.queryByRole('button', { name: /Tail settings/ })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Topic' })).toBeTruthy();
  });

  it('at 420 px the toolbar is one line of named icon buttons; counters, buffer, export and the go-to row fold behind "More tail tools"', async () => {
    panelWidth(420);
    await startFromForm(await paired());
    for (const name of ['Pause', 'Stop', 'Clear', 'Newest first']) expect(screen.getByRole('button', { name })).toBeTruthy();
    // Shortened: what is shown stays, the rest (scanned, matched, rate) is in its title.
    expect(screen.getByTestId('tail-shown').textContent).toBe('shown 1');
    expect(within(screen.getByTestId('tail-counters')).queryByTestId('tail-rate')).toBeNull();
    const more = screen.getByRole('button', { name: 'More tail tools' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(more.getAttribute('aria-controls')!)!.hidden).toBe(true);
    expect(screen.queryByRole('textbox', { name: 'Go to partition' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Export' })).toBeNull();
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Go to partition' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load older' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Export' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Buffer size' })).toBeTruthy();
    expect(within(screen.getByTestId('tail-more-tools')).getByTestId('tail-rate').textContent).toBe('reading backlog…');
  });

  it('wide, the toolbar keeps its words and the go-to row shows, with no "More tail tools"', async () => {
    panelWidth(1280);
    await startFromForm(await paired());
    expect(screen.getByRole('button', { name: 'Pause' }).textContent).toBe('Pause');
    expect(screen.queryByRole('button', { name: 'More tail tools' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Go to partition' })).toBeTruthy();
    expect(screen.getByTestId('tail-rate')).toBeTruthy();
  });

  it('a narrow time shows the time only, with the date in its tooltip; a wide one shows date and time', async () => {
    const { store } = await paired();
    cleanup();
    act(() => store.getState().setPreferences({ timeZone: 'utc' }));
    const ms = String(Date.UTC(2026, 10, 24, 10, 25, 45, 123));
    const { container } = render(
      <StoreContext.Provider value={store}>
        <TimeText timestamp={ms} narrow />
        <TimeText timestamp={ms} />
      </StoreContext.Provider>,
    );
    const [narrow, wide] = Array.from(container.querySelectorAll('time'));
    expect(narrow!.textContent).toBe('10:25:45.123');
    expect(narrow!.title).toMatch(/^2026-11-24 10:25:45\.123 · .* · UTC · /);
    expect(wide!.textContent).toBe('2026-11-24 10:25:45.123');
  });
});

describe('narrow-layout text', () => {
  it('timeColumnText: date and time when wide, the time only when narrow, in the chosen zone; a non-time stays raw', () => {
    const ms = String(Date.UTC(2026, 10, 24, 10, 25, 45, 123));
    expect(timeColumnText(ms, 'utc', false)).toBe('2026-11-24 10:25:45.123');
    expect(timeColumnText(ms, 'utc', true)).toBe('10:25:45.123');
    expect(timeColumnText(ms, 'local', true)).toBe(formatTimeIn(ms, 'local').split(' ')[1]);
    expect(timeColumnText('soon', 'utc', true)).toBe('soon');
  });

  it('tailFormSummary: topic, start and filters on one line', () => {
    expect(tailFormSummary({ topic: '', from: 'latest', param: '', text: '', cel: '' })).toBe('no topic chosen · latest');
    expect(tailFormSummary({ topic: 'orders', from: 'offset', param: '42', text: '', cel: 'value.n > 1' })).toBe('orders · from offset 42 · CEL: value.n > 1');
    expect(tailFormSummary({ topic: 'orders', from: 'timestamp', param: '2026-11-24T10:00', text: 'x', cel: '' })).toBe('orders · from 2026-11-24 10:00 · filter: x');
  });
});
