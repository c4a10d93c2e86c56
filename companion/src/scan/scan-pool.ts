import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScanJob, ScanResult } from './scan-job';
import type { WorkerReply } from './scan-worker';
import { scanWorkerCode } from './worker-code';

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
  deadlineMs: number;
  onRecords: ((records: ScanResult['records']) => void) | undefined;
  resolve(result: ScanResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy: { id: number; pending: Pending; timer: NodeJS.Timeout; chunks: ScanResult['records'] } | null;
  /** Where this worker's jobs' bytes are copied: reused job after job (see handOver). */
  shared: SharedArrayBuffer | null;
}

/** A job's bytes up to this size go through its worker's reused shared buffer; larger ones are moved. */
const SHARED_MAX_BYTES = 32 * 1024 * 1024;
const SHARED_STEP_BYTES = 1024 * 1024;

/** The worker's entry through tsx's loader: used when the bundled code (worker-code.ts) is not to be had. */
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
  /** Workers being started (their code is still being bundled). */
  private starting = 0;

  /** `workerUrl`: a worker module of the caller's (the tests' fakes); default the bundled scan worker. */
  constructor(
    readonly size = defaultPoolSize(availableParallelism()),
    private readonly workerUrl: URL | null = null,
  ) {}

  /**
   * Runs a job; its bytes (each part's records) are handed to the worker when it starts (handOver).
   * With `onRecords`, matches are handed on as the worker sends them, in order, and the result holds
   * only the last of them; without, the result holds them all.
   */
  run(job: ScanJob, deadlineMs: number, onRecords?: (records: ScanResult['records']) => void): Promise<ScanResult> {
    if (this.closed) return Promise.reject(new ScanFailure('the scan pool is closed', 'crash'));
    return new Promise<ScanResult>((resolve, reject) => {
      this.queue.push({ job, deadlineMs, onRecords, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Starts every worker now: a worker loads the filter and decoder modules (over a second on a
   * busy machine), which the first tail should not wait for.
   */
  warm(): void {
    while (!this.closed && this.slots.length + this.starting < this.size) this.spawn();
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
      const slot = this.slots.find((s) => s.busy === null);
      if (!slot) {
        // Jobs wait in the queue; a worker that comes up dispatches them.
        if (this.slots.length + this.starting < this.size) this.spawn();
        return;
      }
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      const timer = setTimeout(() => {
        void this.retire(slot, null);
        pending.reject(new ScanFailure(`scanning one batch ran past ${Math.round(pending.deadlineMs / 1000)} s`, 'deadline'));
        this.dispatch();
      }, pending.deadlineMs);
      slot.busy = { id, pending, timer, chunks: [] };
      const { job, transfer } = handOver(slot, pending.job);
      slot.worker.postMessage({ id, job }, transfer);
    }
  }

  /** Starts a worker once its code is at hand; it takes jobs from the queue as soon as it is up. */
  private spawn(): void {
    this.starting++;
    const code = this.workerUrl ? Promise.resolve(null) : scanWorkerCode();
    void code.then((bundled) => {
      this.starting--;
      if (this.closed) return;
      this.startWorker(bundled);
      this.dispatch();
    });
  }

  private startWorker(bundled: string | null): Slot {
    // Decoding does not need the companion's 1 GiB heap; a worker out of memory dies alone. A small
    // young generation (as the launcher's --max-semi-space-size=4) keeps each worker's RSS down:
    // with V8's default, two busy workers pushed the companion past 200 MB.
    const resourceLimits = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 };
    const worker = bundled !== null ? new Worker(bundled, { eval: true, resourceLimits }) : new Worker(this.workerUrl ?? WORKER_URL, { resourceLimits });
    worker.unref();
    const slot: Slot = { worker, busy: null, shared: null };
    worker.on('message', (reply: WorkerReply) => {
      const busy = slot.busy;
      if (!busy || busy.id !== reply.id) return;
      if ('chunk' in reply) {
        if (busy.pending.onRecords) busy.pending.onRecords(reply.chunk);
        else for (const record of reply.chunk) busy.chunks.push(record);
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
 * The job as its worker gets it. Each part's bytes are views into a whole Fetch answer; they are
 * copied into the worker's own shared buffer, which it reads while this slot is busy and which the
 * next job overwrites. Reusing it matters: a fresh buffer per job (moved to the worker) is external
 * memory on both threads, and at a few hundred MB/s it made V8 run a full GC every few jobs on each.
 * A job larger than SHARED_MAX_BYTES (a huge record) gets its own buffer, moved.
 */
function handOver(slot: Slot, job: ScanJob): { job: ScanJob; transfer: ArrayBuffer[] } {
  const total = job.parts.reduce((sum, part) => sum + part.data.records.length, 0);
  if (total > SHARED_MAX_BYTES) {
    const transfer: ArrayBuffer[] = [];
    const parts = job.parts.map((part) => {
      const own = new Uint8Array(part.data.records);
      transfer.push(own.buffer as ArrayBuffer);
      return { ...part, data: { ...part.data, records: own as Buffer } };
    });
    return { job: { ...job, parts }, transfer };
  }
  if (!slot.shared || slot.shared.byteLength < total) slot.shared = new SharedArrayBuffer(Math.ceil(Math.max(total, 1) / SHARED_STEP_BYTES) * SHARED_STEP_BYTES);
  const shared = slot.shared;
  let at = 0;
  const parts = job.parts.map((part) => {
    const view = new Uint8Array(shared, at, part.data.records.length);
    view.set(part.data.records);
    at += view.length;
    return { ...part, data: { ...part.data, records: view as Buffer } };
  });
  return { job: { ...job, parts }, transfer: [] };
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
