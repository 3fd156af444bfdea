// How every crawlee crawler is set up here, and why.
//
// - Storage: a fresh MemoryStorage per source crawl, persisting nothing. No ./storage directory;
//   no request locks left on disk by a kill (crawlee's on-disk queue keeps in-flight requests
//   locked for minutes after a SIGKILL); no purgeOnStart question. Resume after a kill is the
//   database's: pages committed by an interrupted run are skipped through the `done` hook.
// - No maxRequestsPerCrawl: crawlee drops links found after that cap. The frontier applies
//   `maxArticlesPerSource` itself.
// - Request handler timeout: effectively off. The handler awaits the host's gate (Crawl-delay
//   can be a minute per request) and the loader; the request's own deadline is fetch-step's.
// - Quiet: rollwatch reports progress and failures itself.
import { Configuration, Log, LogLevel } from '@crawlee/core';
import { MemoryStorage } from '@crawlee/memory-storage';

const DAY_SECS = 24 * 3600;

export function crawleeSettings() {
  const configuration = new Configuration({
    persistStorage: false,
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
    // Read /proc rather than spawning `ps` every second.
    systemInfoV2: true,
  });
  return {
    configuration,
    crawlerOptions: {
      requestHandlerTimeoutSecs: DAY_SECS,
      log: new Log({ level: LogLevel.OFF }),
      statusMessageLoggingInterval: DAY_SECS,
    },
  };
}

// Crawlee adds a SIGINT listener while it runs (to "pause" a crawl for a later
// CRAWLEE_PURGE_ON_START=0 resume). Any listener stops Node's default exit, so Ctrl-C would
// let a run finish as if complete. While a crawl runs, SIGINT drops the listeners and is raised
// again: the process ends as it always did, and the next run resumes the interrupted one.
let running = 0;
function reraise(): void {
  for (const listener of process.listeners('SIGINT')) process.off('SIGINT', listener);
  process.kill(process.pid, 'SIGINT');
}

export async function withDefaultSigint<T>(work: () => Promise<T>): Promise<T> {
  if (running++ === 0) process.prependListener('SIGINT', reraise);
  try {
    return await work();
  } finally {
    if (--running === 0) process.off('SIGINT', reraise);
  }
}
