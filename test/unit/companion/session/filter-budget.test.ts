import { describe, expect, it } from 'vitest';
import { FILTER_BUDGET, FilterBudget, filterCpuMs } from '../../../../companion/src/session/filter-budget';

describe('filterCpuMs', () => {
  it('charges the filter only for the share of its wall time the process was on a CPU', () => {
    // 108 ms inside the filter, but the process ran only 20 ms of the 128 ms stretch (descheduled).
    expect(filterCpuMs(108, 128, 20)).toBeCloseTo(16.875);
    // A filter that burns the CPU is charged in full.
    expect(filterCpuMs(200, 201, 201)).toBe(200);
    // Other threads' CPU (process CPU above wall time) is not the filter's.
    expect(filterCpuMs(50, 100, 180)).toBe(50);
    expect(filterCpuMs(0, 100, 100)).toBe(0);
    expect(filterCpuMs(5, 0, 0)).toBe(0);
  });
});

describe('FilterBudget', () => {
  it('never ends a filter for one outlier (a GC pause) among cheap records', () => {
    const budget = new FilterBudget();
    expect(budget.add(20_000, 30)).toBeNull();
    expect(budget.add(1, 108)).toBeNull();
    expect(budget.add(3, 0.01)).toBeNull();
    for (let i = 0; i < 1000; i++) expect(budget.add(5000, 15)).toBeNull();
  });

  it('does not judge before a window of records has been filtered', () => {
    const budget = new FilterBudget();
    for (let i = 0; i < FILTER_BUDGET.windowRecords - 1; i++) expect(budget.add(1, 400)).toBeNull();
  });

  it('an outlier of several hundred ms is averaged over the window once cheap records follow', () => {
    const budget = new FilterBudget();
    expect(budget.add(1, 450)).toBeNull();
    expect(budget.add(100, 2)).toBeNull();
  });

  it('ends a filter whose average CPU per record over the window is over the limit', () => {
    const budget = new FilterBudget();
    const verdicts = Array.from({ length: 5 }, () => budget.add(1, 150));
    expect(verdicts.slice(0, 4)).toEqual([null, null, null, null]);
    expect(verdicts[4]).toMatch(/the filter used 150 ms of CPU per record over the last 5 records \(limit 100 ms\)/);
  });

  it('judges the latest records: a filter that turns slow is caught after a cheap start', () => {
    const budget = new FilterBudget();
    expect(budget.add(1_000_000, 500)).toBeNull();
    const verdicts = Array.from({ length: 6 }, () => budget.add(1, 300));
    expect(verdicts.filter(Boolean)).not.toHaveLength(0);
  });

  it('ends at once a filter that used over a second of CPU on one record', () => {
    expect(new FilterBudget().add(1, 1500)).toMatch(/1500 ms of CPU on one record \(limit 1000 ms\)/);
  });
});
