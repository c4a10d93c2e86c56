import { parentPort } from 'node:worker_threads';
import { createRecordDecoder } from '../codec/record-decoder';
import { batchPrefilter } from '../filter/batch-prefilter';
import { compileFilter } from '../filter/filter';
import { EncodedRecords, transferOf } from '../session/encoded-record';
import { runScanJob, type Scanner } from './scan-batch';
import type { ScanJob, ScanResult } from './scan-job';

/**
 * A scan worker: decodes, filters and encodes one job at a time, off the companion's event loop.
 * Each stream's filter and record decoder are built here from plain settings on its first job and
 * kept, so a decoder's schema cache lives as long as the stream keeps coming.
 */
const KEPT_SCANNERS = 64;
const scanners = new Map<string, Scanner>();
/** Where every job's matches are encoded: one buffer for the worker's life, not one per job. */
const encoded = new EncodedRecords();

function scannerFor(job: ScanJob): Scanner {
  let scanner = scanners.get(job.streamId);
  if (scanner) {
    // Most recently used last, so the oldest is the one let go.
    scanners.delete(job.streamId);
  } else {
    const decoder = createRecordDecoder(job.decoderSettings, job.topic);
    const predicate = compileFilter(job.filter, { valueOf: (record) => decoder.valueForFilter(record) });
    scanner = { decoder, predicate, mayMatch: batchPrefilter(job.filter, decoder.decodesValues) };
  }
  scanners.set(job.streamId, scanner);
  if (scanners.size > KEPT_SCANNERS) scanners.delete(scanners.keys().next().value!);
  return scanner;
}

export type WorkerReply = { id: number; result: ScanResult } | { id: number; chunk: ScanResult['records'] } | { id: number; error: string };


parentPort!.on('message', (message: { id: number; job: ScanJob } | { forget: string }) => {
  if ('forget' in message) {
    scanners.delete(message.forget);
    return;
  }
  const { id, job } = message;
  // Bytes arrive as plain Uint8Arrays: the decoder reads them through Buffer's methods.
  for (const part of job.parts) {
    const bytes = part.data.records as Uint8Array;
    part.data.records = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  // Each run of matches moves its one buffer to the main thread (encoded-record.ts).
  runScanJob(job, scannerFor(job), (chunk) => parentPort!.postMessage({ id, chunk } satisfies WorkerReply, transferOf(chunk)), encoded).then(
    (result) => parentPort!.postMessage({ id, result } satisfies WorkerReply, transferOf(result.records)),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
});
