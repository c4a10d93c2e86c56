import type { WireRecord } from '@kafka-inspector/shared';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { initialTail, type TailState, withStreamFrames } from '../../../extension/src/store/tail-slice';
import { NewRecordsIndicator } from '../../../extension/src/ui/NewRecordsIndicator';
import { fakeRecord } from './records';

describe('"N new records" while scrolled away (issue 14, item 9)', () => {
  afterEach(cleanup);

  it('counts records that arrive after the reader left the live edge; the button goes back', () => {
    const scroller = createRef<HTMLDivElement>();
    const first = [fakeRecord({ offset: '2' }), fakeRecord({ offset: '1' })];
    const view = (records: WireRecord[]) => (
      <>
        <div ref={scroller} />
        <NewRecordsIndicator scroller={scroller} records={records} liveEdge="top" rowHeight={24} />
      </>
    );
    const { rerender } = render(view(first));
    expect(screen.queryByRole('button')).toBeNull();
    act(() => {
      scroller.current!.scrollTop = 240;
      fireEvent.scroll(scroller.current!);
    });
    rerender(view([fakeRecord({ offset: '4' }), fakeRecord({ offset: '3' }), ...first]));
    const button = screen.getByRole('button', { name: '↑ 2 new records' });
    fireEvent.click(button);
    expect(scroller.current!.scrollTop).toBe(0);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('the live rate (issue 14, item 9)', () => {
  const handle = { key: 1, streamId: 's1', spec: { topic: 'orders', start: { from: 'earliest' as const } }, starts: [] };
  const records = (n: number, from = 0) => ({ handle, frame: { type: 'records' as const, streamId: 's1', records: Array.from({ length: n }, (_, i) => fakeRecord({ offset: String(from + i) })) } });

  it('counts no backlog: the rate starts once the tail has caught up', () => {
    let tail: TailState = { ...initialTail(), handle, status: 'live' };
    tail = withStreamFrames(tail, [records(5000)], 50_000, 1000);
    expect(tail.rate).toBe(0);
    expect(tail.caughtUpOnce).toBe(false);
    tail = withStreamFrames(tail, [{ handle, frame: { type: 'status', streamId: 's1', status: 'caught-up' } }], 50_000, 1100);
    tail = withStreamFrames(tail, [records(30, 5000)], 50_000, 1200);
    expect(tail.caughtUpOnce).toBe(true);
    expect(tail.rate).toBe(10); // 30 records over the 3 s window
  });

  it('backlog that lands in the same frame as the first caught-up is not counted either', () => {
    let tail: TailState = { ...initialTail(), handle, status: 'live' };
    tail = withStreamFrames(tail, [records(900), { handle, frame: { type: 'status', streamId: 's1', status: 'caught-up' } }, records(3, 900)], 50_000, 1000);
    expect(tail.records).toHaveLength(903);
    expect(tail.rate).toBe(1); // the 3 records after caught-up, over 3 s
  });
});
