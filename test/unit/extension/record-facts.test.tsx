import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cappedFacts, timestampTypeText } from '../../../extension/src/ui/record-facts';
import { FakeSocket, flush } from './fake-socket';
import { renderTailing } from './paired-app';
import { fakeRecord } from './records';

const headers = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `h${i}`, value: { encoding: 'text' as const, text: 'v', size: 1 } }));
// 50,000 headers on the broker, the first 1,000 read (the companion's cap).
const capped = fakeRecord({ offset: '9', headers: headers(1000), size: 588_890, capped: { headers: 50_000, headerBytes: 588_890 } });

describe('whose clock a time is, and records read in part (issue 14: 2, 10)', () => {
  beforeEach(() => {
    FakeSocket.reset();
    // happy-dom lays nothing out: give the table's scroller a height so the virtualiser renders rows.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('pure: the clock said plainly; a capped record said in sentences', () => {
    expect(timestampTypeText('CreateTime')).toBe("CreateTime (producer's clock)");
    expect(timestampTypeText('LogAppendTime')).toBe("LogAppendTime (broker's clock)");
    expect(timestampTypeText(undefined)).toBeNull();
    expect(cappedFacts(capped)).toEqual(['50,000 headers (575.1 KB); the first 1,000 are shown']);
    expect(cappedFacts({ headers: [], capped: { valueBytes: 20 * 1024 * 1024 } })).toEqual(['a value of 20.0 MB; only its start was read']);
    expect(cappedFacts(fakeRecord())).toEqual([]);
  });

  it('the detail says CreateTime or LogAppendTime beside the time and in its tooltip', async () => {
    const { store } = await renderTailing([fakeRecord({ offset: '1', timestampType: 'LogAppendTime' }), fakeRecord({ offset: '2' })]);
    act(() => store.getState().selectRecord('0:1'));
    const detail = screen.getByTestId('record-detail');
    expect(within(detail).getByTestId('timestamp-type').textContent).toContain("LogAppendTime (broker's clock)");
    expect(detail.querySelector('time')!.getAttribute('title')).toMatch(/· LogAppendTime \(broker's clock\)$/);
    // The row's time tooltip says it too.
    const row = screen.getAllByRole('row').find((r) => r.getAttribute('aria-selected') === 'true')!;
    expect(row.querySelector('time')!.getAttribute('title')).toContain("LogAppendTime (broker's clock)");
    // Unknown (an older companion): nothing is claimed.
    act(() => store.getState().selectRecord('0:2'));
    expect(within(screen.getByTestId('record-detail')).queryByTestId('timestamp-type')).toBeNull();
  });

  it('a capped record: a named flag in its row, its facts in the detail, and no resend as if whole', async () => {
    const { store, socket } = await renderTailing([capped, fakeRecord({ offset: '10' })]);
    const grid = screen.getByRole('grid', { name: 'Records' });
    const flags = within(grid).getAllByRole('img', { name: /^Capped: 50,000 headers/ });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.closest('[role=row]')!.getAttribute('data-key')).toBe('0:9');

    act(() => store.getState().selectRecord('0:9'));
    const detail = screen.getByTestId('record-detail');
    expect(within(detail).getByRole('note').textContent).toContain('50,000 headers (575.1 KB); the first 1,000 are shown.');
    expect(within(detail).getByRole('heading', { name: /Headers/ }).textContent).toBe('Headers the first 1,000 of 50,000');
    const resend = within(detail).getByRole('button', { name: 'Edit and resend' });
    expect(resend.hasAttribute('disabled')).toBe(true);
    // The reason is the button's description, for screen readers, and shown.
    expect(document.getElementById(resend.getAttribute('aria-describedby')!)!.textContent).toMatch(/^Only part of this record was read .*so a resend would not be the same record\.$/);
    expect(within(detail).getByRole('button', { name: 'Copy kcat produce' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(resend);
    await act(flush);
    expect(store.getState().preferences.activeTab).toBe('tail');
    expect(socket.sent.some((f) => f.type === 'recordGet')).toBe(false);

    // A whole record next to it still resends.
    act(() => store.getState().selectRecord('0:10'));
    expect(within(screen.getByTestId('record-detail')).getByRole('button', { name: 'Edit and resend' }).hasAttribute('disabled')).toBe(false);
  });
});
