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

/** The exit codes as `rollwatch --help` lists them (the README's table says the same). */
export const EXIT_CODES_HELP = `
Exit codes:
  0  done; every source healthy
  1  unexpected error (a bug): the stack is printed
  2  bad usage or input: an invalid config or source declaration, a --db that is not a DuckDB
     file or sits where no folder can be made, an extract file that is empty, binary or unreadable
  3  the run finished but a source failed or found no articles, an imported WARC file was damaged,
     or (summary) the run was interrupted or a source broke
  4  busy: the DuckDB file is open in another process, or the serve port is in use; try again
  5  a file could not be written (disk full): what was committed stays; free space and run again
`;
