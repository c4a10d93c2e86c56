import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScanJob, ScanResult } from './scan-job';
import type { WorkerReply } from './scan-worker';

/** A job ran past its deadline (its worker was ended) or its worker died under it. */
export class ScanFailure extends Error {
  override name = 'ScanFailure';
  constructor(
    message: string,
    readonly reason: 'deadline' | 'crash',
  ) {
    super(message);
  }
}

interface Pending {
  job: ScanJob;
  transfer: ArrayBuffer[];
  deadlineMs: number;
  resolve(result: ScanResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy: { id: number; pending: Pending; timer: NodeJS.Timeout; chunks: ScanResult['records'] } | null;
}

const WORKER_URL = new URL('./scan-worker-entry.mjs', import.meta.url);

/**
 * A small pool of scan workers, each running one job at a time; jobs wait in one FIFO queue. A job
 * past its deadline ends its worker (terminate interrupts even a regex or CEL call that never
 * returns), which fails only that job's stream: other streams' jobs wait in the queue, not in the
 * worker, and a fresh worker takes the slot. A worker that crashes fails its job the same way.
 */
export class ScanPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size = defaultPoolSize(availableParallelism()),
    private readonly workerUrl: URL = WORKER_URL,
  ) {}

  /** Runs a job; its bytes (each part's records) are moved to the worker, not copied twice. */
  run(job: ScanJob, deadlineMs: number): Promise<ScanResult> {
    if (this.closed) return Promise.reject(new ScanFailure('the scan pool is closed', 'crash'));
    const transfer: ArrayBuffer[] = [];
    for (const part of job.parts) {
      // A view into the whole Fetch answer: copy out just its bytes, then move those.
      const own = new Uint8Array(part.data.records);
      part.data = { ...part.data, records: own as Buffer };
      transfer.push(own.buffer as ArrayBuffer);
    }
    return new Promise<ScanResult>((resolve, reject) => {
      this.queue.push({ job, transfer, deadlineMs, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Starts every worker now: a worker loads the filter and decoder modules (over a second on a
   * busy machine), which the first tail should not wait for.
   */
  warm(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  /** Lets the workers drop a stream's compiled filter and decoder. */
  forget(streamId: string): void {
    for (const slot of this.slots) slot.worker.postMessage({ forget: streamId });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new ScanFailure('the scan pool is closed', 'crash'));
    await Promise.all(this.slots.splice(0).map((slot) => this.retire(slot, 'the scan pool is closed')));
  }

  private dispatch() {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.busy === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      const timer = setTimeout(() => {
        void this.retire(slot, null);
        pending.reject(new ScanFailure(`scanning one batch ran past ${Math.round(pending.deadlineMs / 1000)} s`, 'deadline'));
        this.dispatch();
      }, pending.deadlineMs);
      slot.busy = { id, pending, timer, chunks: [] };
      slot.worker.postMessage({ id, job: pending.job }, pending.transfer);
    }
  }

  private spawn(): Slot {
    // Decoding does not need the companion's 1 GiB heap; a worker out of memory dies alone. A small
    // young generation (as the launcher's --max-semi-space-size=8) keeps each worker's RSS down:
    // with V8's default, two busy workers pushed the companion past 200 MB.
    const worker = new Worker(this.workerUrl, { resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 } });
    worker.unref();
    const slot: Slot = { worker, busy: null };
    worker.on('message', (reply: WorkerReply) => {
      const busy = slot.busy;
      if (!busy || busy.id !== reply.id) return;
      if ('chunk' in reply) {
        for (const record of reply.chunk) busy.chunks.push(record);
        return;
      }
      clearTimeout(busy.timer);
      slot.busy = null;
      if ('result' in reply) busy.pending.resolve(busy.chunks.length ? { ...reply.result, records: [...busy.chunks, ...reply.result.records] } : reply.result);
      else busy.pending.reject(new ScanFailure(reply.error, 'crash'));
      this.dispatch();
    });
    const died = (why: string) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      if (slot.busy) {
        clearTimeout(slot.busy.timer);
        slot.busy.pending.reject(new ScanFailure(`the scan worker stopped: ${why}`, 'crash'));
        slot.busy = null;
      }
      this.dispatch();
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private async retire(slot: Slot, why: string | null) {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    if (slot.busy) {
      clearTimeout(slot.busy.timer);
      if (why) slot.busy.pending.reject(new ScanFailure(why, 'crash'));
      slot.busy = null;
    }
    await slot.worker.terminate().catch(() => {});
  }
}

/**
 * Each warm worker holds its own copy of the filter and decoder modules (~45 MB RSS), and the main
 * thread needs a core too: one worker on 2 cores keeps the companion under 200 MB; more cores, more
 * workers (at most 3), so one stream's slow batch does not queue every other stream's.
 */
export const defaultPoolSize = (cores: number): number => (cores <= 2 ? 1 : Math.min(3, cores - 1));

/** The companion's one pool, started on first use. */
let shared: ScanPool | null = null;
export const scanPool = (): ScanPool => (shared ??= new ScanPool());
