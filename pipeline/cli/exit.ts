// Exit codes mean something to a scheduler.
export const EXIT = {
  ok: 0,
  /** Something unexpected broke (a bug): the stack is printed. */
  error: 1,
  /** Bad usage or an invalid config/source declaration: the message names the file and field. */
  usage: 2,
  /** A source failed or yielded no articles: the run finished, but its data is incomplete. */
  sourceFailed: 3,
  /** The DuckDB file is held by another process, or the `serve` port is taken: one line names it; try again later. */
  busy: 4,
  /** A file could not be written (the disk is full): one line names it; free space and run again. */
  storage: 5,
} as const;

export class UsageError extends Error {
  override name = 'UsageError';
}
