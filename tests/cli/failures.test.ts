// Failures of the machine, not of rollwatch, get one line that names what to fix and an exit
// code a scheduler can tell apart from a bug.
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../pipeline/cli/exit.ts';
import { explainFailure } from '../../pipeline/cli/failures.ts';

describe('explainFailure', () => {
  it('a DuckDB write that found the disk full names the file and says the data is kept', () => {
    const err = new Error('TransactionContext Error: Failed to commit: Could not write file "/data/rw.duckdb.wal": No space left on device');
    const explained = explainFailure(err);
    expect(explained?.code).toBe(EXIT.storage);
    expect(explained?.message).toMatch(/^cannot write \/data\/rw\.duckdb\.wal: No space left on device\. /);
    expect(explained?.message).toMatch(/run again/);
  });

  it('a full disk under the WARC archive (a Node write error) is explained the same way', () => {
    const err = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/data/archive/run.warc.gz' });
    expect(explainFailure(err)?.message).toMatch(/^cannot write \/data\/archive\/run\.warc\.gz: No space left on device/);
  });

  it('anything else is left to the stack trace: it is a bug to report', () => {
    expect(explainFailure(new TypeError('x is undefined'))).toBeNull();
  });
});
