// Kept apart from db.ts so the command line can recognise the refusal without loading DuckDB.

/**
 * The database cannot be opened for a reason the user can fix (another process holds it, it is
 * not a DuckDB file, its folder cannot be made): the message names the file and what to do.
 */
export class DatabaseRefusal extends Error {
  override name = 'DatabaseRefusal';
  constructor(
    message: string,
    /** `busy`: try again once the other process is done; `unusable`: pass another --db. */
    readonly kind: 'busy' | 'unusable',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
