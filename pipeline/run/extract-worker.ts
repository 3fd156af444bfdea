// A worker thread that runs the pure extractor, so extraction and analysis use the second
// core while the main thread crawls and loads. Knowledge is loaded once per worker.
import { parentPort } from 'node:worker_threads';
import { loadKnowledge } from '../analyse/index.ts';
import { toPageRecord } from './page-record.ts';
import type { ExtractJob, ExtractReply } from './extract-pool.ts';

const knowledge = loadKnowledge();
parentPort?.on('message', (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    reply = { id: job.id, ok: true, result: toPageRecord(job.source, job.capture, knowledge, job.warc) };
  } catch (err) {
    reply = { id: job.id, ok: false, error: (err as Error).stack ?? String(err) };
  }
  parentPort?.postMessage(reply);
});
