// Failures the user's machine causes (a full disk, …), said in one line with what to do,
// instead of a stack: the person reading a nightly job's log has to fix the machine, not the code.
import { DatabaseRefusal } from '../load/refusal.ts';
import { EXIT } from './exit.ts';

export interface Explained {
  code: number;
  message: string;
}

/** What DuckDB or Node says when a file cannot be written for lack of room. */
const NO_SPACE = /Could not write file "([^"]+)": (No space left on device|Disk quota exceeded)/;

/** The disk (or quota) is full: name the file, say the data is safe and that the next run resumes. */
function noSpace(err: Error & { code?: string; path?: string }): Explained | null {
  const duck = NO_SPACE.exec(err.message);
  const file = duck?.[1] ?? (err.code === 'ENOSPC' || err.code === 'EDQUOT' ? err.path : undefined);
  if (!duck && err.code !== 'ENOSPC' && err.code !== 'EDQUOT') return null;
  const reason = duck?.[2] ?? (err.code === 'EDQUOT' ? 'Disk quota exceeded' : 'No space left on device');
  return {
    code: EXIT.storage,
    message:
      `cannot write ${file ?? 'a file'}: ${reason}. What was committed before stays in the database, which still opens; ` +
      'free some space and run again (an interrupted run resumes where it stopped).',
  };
}

/** `serve` could not listen: the port is taken (a second `serve`, another program) or reserved. */
function portRefused(err: Error & { code?: string; port?: number; address?: string }): Explained | null {
  if (err.code !== 'EADDRINUSE' && err.code !== 'EACCES') return null;
  if (!('port' in err) || err.port === undefined) return null;
  const where = `${err.address ?? 'localhost'}:${err.port}`;
  if (err.code === 'EACCES') return { code: EXIT.usage, message: `cannot listen on ${where}: permission denied; pass --port with a number above 1023` };
  return {
    code: EXIT.busy,
    message: `port ${err.port} on ${err.address ?? 'localhost'} is already in use (another rollwatch serve, or another program); pass --port N for a free port, or --port 0 for any`,
  };
}

/** A one-line explanation and exit code for a failure of the environment, or null for anything else (a bug). */
export function explainFailure(err: unknown): Explained | null {
  if (err instanceof DatabaseRefusal) return { code: err.kind === 'busy' ? EXIT.busy : EXIT.usage, message: err.message };
  if (!(err instanceof Error)) return null;
  return noSpace(err) ?? portRefused(err);
}
