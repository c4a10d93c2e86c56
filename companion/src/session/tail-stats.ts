import type { ScanResult } from '../scan/scan-job';

export interface StatsFrame {
  scanned: number;
  matched: number;
  sent: number;
  positions: Record<string, string>;
  highWatermarks: Record<string, string>;
}

/**
 * A stream's counters and resume points: records scanned and matched, per partition the offset
 * after the last record scanned (`positions`, where a resumed tail starts, past filtered-out
 * records) and the high watermark last seen. `frame` gives them for a `stats` frame only when they
 * changed since the last one it gave (or when forced): a caught-up idle stream sends nothing.
 */
export class TailStats {
  scanned = 0;
  matched = 0;
  private positions: Map<number, string>;
  private readonly highWatermarks = new Map<number, string>();
  private last = '';

  constructor(positions: Map<number, string>, starts: Array<{ partition: number; high: string }>) {
    this.positions = new Map(positions);
    for (const start of starts) this.highWatermarks.set(start.partition, start.high);
  }

  /** After a seek: the reader's new positions replace the old ones. */
  resetPositions(positions: Map<number, string>): void {
    this.positions = new Map(positions);
  }

  /** Positions the reader reached: a batch read to its end (control batches and gaps included). */
  reached(positions: Map<number, string>): void {
    for (const [partition, next] of positions) this.positions.set(partition, next);
  }

  sawHighWatermarks(highs: Map<number, string>): void {
    for (const [partition, high] of highs) this.highWatermarks.set(partition, high);
  }

  add(result: Pick<ScanResult, 'scanned' | 'matched' | 'positions'>): void {
    this.scanned += result.scanned;
    this.matched += result.matched;
    for (const [partition, next] of Object.entries(result.positions)) this.positions.set(Number(partition), next);
  }

  /** The stats to send, or null when nothing changed since the last ones and `force` is false. */
  frame(sent: number, force: boolean): StatsFrame | null {
    const stats = { scanned: this.scanned, matched: this.matched, sent, positions: Object.fromEntries(this.positions), highWatermarks: Object.fromEntries(this.highWatermarks) };
    const key = JSON.stringify(stats);
    if (!force && key === this.last) return null;
    this.last = key;
    return stats;
  }
}
