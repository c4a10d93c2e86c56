// A scan worker that misbehaves on request: never answers ('hang'), dies ('crash'), or echoes.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (message) => {
  if ('forget' in message) return;
  const { id, job } = message;
  if (job.streamId === 'hang' || job.filter?.text === 'hang') for (;;);
  if (job.streamId === 'crash') process.exit(3);
  parentPort.postMessage({ id, result: { records: [], scanned: job.parts.length, matched: 0, positions: {}, limitReached: false, stretches: [], unreadable: [] } });
});
