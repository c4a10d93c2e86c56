/**
 * How much CPU a tail's filter may use before its stream is ended as INVALID_FILTER. CEL cannot be
 * interrupted mid-record, so a filter that is slow on every record would starve every other
 * stream. But wall-clock time around one call also counts a GC pause, another process on the
 * core, a machine that was asleep: none of them the filter's fault. So the filter is judged on its
 * share of CPU time, averaged over several records, and one outlier never ends a healthy tail.
 */
export interface FilterBudgetLimits {
  /** Average CPU per record the filter may use over the window. */
  perRecordMs: number;
  /** The average is taken over at least this many of the latest records (and judged only then). */
  windowRecords: number;
  /** One stretch of filtering (at most one record beyond ~20 ms) using more CPU than this ends the stream at once. */
  singleRecordMs: number;
}

export const FILTER_BUDGET: FilterBudgetLimits = { perRecordMs: 100, windowRecords: 5, singleRecordMs: 1000 };

/**
 * The filter's CPU time in a stretch of records, from cheap clocks: the wall time spent inside the
 * filter, scaled by the share of the stretch's wall time the process was on a CPU at all. Time the
 * process was descheduled (a busy machine) is not the filter's; process CPU beyond wall time
 * (other threads) is not counted either.
 */
export function filterCpuMs(filterWallMs: number, stretchWallMs: number, stretchCpuMs: number): number {
  if (filterWallMs <= 0 || stretchWallMs <= 0) return 0;
  return filterWallMs * Math.min(1, Math.max(0, stretchCpuMs) / stretchWallMs);
}

/** Rolling judgement over the latest records: feed it stretches; it says when the filter is over. */
export class FilterBudget {
  private readonly stretches: Array<{ records: number; cpuMs: number }> = [];
  private records = 0;
  private cpuMs = 0;

  constructor(private readonly limits: FilterBudgetLimits = FILTER_BUDGET) {}

  /** Adds `records` filtered using `cpuMs` of CPU; returns why the filter is too slow, or null. */
  add(records: number, cpuMs: number): string | null {
    if (records <= 0) return null;
    const { perRecordMs, windowRecords, singleRecordMs } = this.limits;
    if (cpuMs > singleRecordMs) {
      return `the filter used ${Math.round(cpuMs)} ms of CPU on one record (limit ${singleRecordMs} ms); simplify it`;
    }
    this.stretches.push({ records, cpuMs });
    this.records += records;
    this.cpuMs += cpuMs;
    // Keep the fewest latest stretches that still cover the window.
    while (this.stretches.length > 1 && this.records - this.stretches[0]!.records >= windowRecords) {
      const oldest = this.stretches.shift()!;
      this.records -= oldest.records;
      this.cpuMs -= oldest.cpuMs;
    }
    if (this.records < windowRecords) return null;
    const average = this.cpuMs / this.records;
    if (average <= perRecordMs) return null;
    return `the filter used ${Math.round(average)} ms of CPU per record over the last ${this.records} records (limit ${perRecordMs} ms); simplify it`;
  }
}
