// A worker thread starts without the companion's TypeScript loader: register tsx here, as bin/ does.
import { register } from 'tsx/esm/api';

register();
await import('./scan-worker.ts');
