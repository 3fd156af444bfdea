// Worker entry: registers tsx in this thread (loaders do not carry over to workers), then runs the TS worker.
import { register } from 'tsx/esm/api';

register();
await import('../pipeline/run/extract-worker.ts');
