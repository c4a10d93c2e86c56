import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { highlightRuns } from '../../../extension/src/ui/highlight';
import { FakeSocket, flush } from './fake-socket';
import { fakeTopic, renderPairedApp } from './paired-app';
import { fakeRecord } from './records';

const landed = () => act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));

async function paired() {
  const { store, socket } = await renderPairedApp();
  socket.reply('listTopics', { topics: [fakeTopic('orders')] });
  await flush();
  return { store, socket };
}

async function tailing() {
  const p = await paired();
  act(() => p.store.getState().setActiveTab('tail'));
  const started = p.store.getState().startTail({ topic: 'orders', start: { from: 'earliest' } });
  await flush();
  p.socket.reply('tailStart', { streamId: 's1', topic: 'orders', partitions: [{ partition: 0, offset: '0', low: '0', high: '3' }] });
  await started;
  p.socket.push({
    type: 'records',
    streamId: 's1',
    records: [
      fakeRecord({ offset: '0', key: { encoding: 'text', text: 'alpha', size: 5 }, value: { encoding: 'text', text: 'paid in full', size: 12 } }),
      fakeRecord({ offset: '1', key: { encoding: 'text', text: 'beta', size: 4 }, value: { encoding: 'text', text: 'refunded', size: 8 }, headers: [{ key: 'trace', value: { encoding: 'text', text: 'PAID-42', size: 7 } }] }),
    ],
  });
  await landed();
  return p;
}

describe('keyboard and screen readers', () => {
  beforeEach(() => FakeSocket.reset());
  afterEach(cleanup);

  it('the view tabs follow the APG tabs pattern: aria-controls names a tabpanel, arrows move and activate', async () => {
    await paired();
    const tablist = screen.getByRole('tablist', { name: 'Views' });
    const topics = within(tablist).getByRole('tab', { name: 'Topics' });
    expect(topics.getAttribute('aria-selected')).toBe('true');
    expect(topics.tabIndex).toBe(0);
    const panel = document.getElementById(topics.getAttribute('aria-controls')!)!;
    expect(panel.getAttribute('role')).toBe('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(topics.id);
    topics.focus();
    fireEvent.keyDown(topics, { key: 'ArrowRight' });
    const tail = within(tablist).getByRole('tab', { name: 'Tail' });
    expect(tail.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tail);
    expect(screen.getByRole('tabpanel', { name: 'Tail' })).toBeTruthy();
    fireEvent.keyDown(tail, { key: 'ArrowLeft' });
    expect(within(tablist).getByRole('tab', { name: 'Topics' }).getAttribute('aria-selected')).toBe('true');
  });

  // happy-dom lays nothing out, so the virtualised rows themselves are checked in Chromium (test/e2e/panel-states.test.ts).
  it('the record table is a grid holding focus: arrows select a record (aria-activedescendant), Esc closes the record detail; the tail status is a live region', async () => {
    const { store } = await tailing();
    const grid = screen.getByRole('grid', { name: 'Records' });
    expect(grid.getAttribute('aria-rowcount')).toBe('3');
    expect(screen.getByTestId('tail-status').getAttribute('role')).toBe('status');
    expect(screen.getByTestId('tail-status').getAttribute('aria-live')).toBe('polite');
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await flush();
    expect(store.getState().tail.selected).toBe('0:1'); // newest first
    expect(grid.getAttribute('aria-activedescendant')).toBe('record-0-1');
    expect(screen.getByTestId('record-detail')).toBeTruthy();
    fireEvent.keyDown(grid, { key: 'Escape' });
    await flush();
    expect(screen.queryByTestId('record-detail')).toBeNull();
  });

  it('Esc typed in a field is the field\'s: it does not close the record detail', async () => {
    const { store } = await tailing();
    act(() => store.getState().selectRecord('0:0'));
    await flush();
    const filter = screen.getByRole('textbox', { name: /Quick filter/ });
    filter.focus();
    fireEvent.keyDown(filter, { key: 'Escape' });
    expect(screen.getByTestId('record-detail')).toBeTruthy();
  });

  it('the quick filter marks its matches in the record detail (a header match included)', async () => {
    const { store } = await tailing();
    fireEvent.change(screen.getByRole('textbox', { name: /Quick filter/ }), { target: { value: 'PAID' } });
    await flush();
    expect(store.getState().tail.quickFilter).toBe('PAID');
    act(() => store.getState().selectRecord('0:1'));
    await flush();
    const detail = screen.getByTestId('record-detail');
    expect(Array.from(detail.querySelectorAll('mark'), (m) => m.textContent)).toEqual(['PAID']);
  });

  it('Ctrl-Enter or Cmd-Enter in the Produce form sends', async () => {
    const { store, socket } = await paired();
    act(() => {
      store.getState().setActiveTab('produce');
      store.getState().setProduceForm({ topic: 'orders', value: '{"a":1}' });
    });
    await flush();
    const value = screen.getByRole('textbox', { name: 'Value' });
    fireEvent.keyDown(value, { key: 'Enter', metaKey: true });
    await flush();
    expect(socket.last('produce')).toMatchObject({ topic: 'orders' });
    expect(screen.getByTestId('produce-send').getAttribute('aria-keyshortcuts')).toBe('Control+Enter Meta+Enter');
  });
});

describe('highlightRuns', () => {
  it('marks every case-insensitive match, keeping the original case', () => {
    expect(highlightRuns('Paid, PAID, unpaid', ' paid ')).toEqual([
      { text: 'Paid', match: true },
      { text: ', ', match: false },
      { text: 'PAID', match: true },
      { text: ', un', match: false },
      { text: 'paid', match: true },
    ]);
    expect(highlightRuns('abc', '')).toEqual([{ text: 'abc', match: false }]);
  });
});
