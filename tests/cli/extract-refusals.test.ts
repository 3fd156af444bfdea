// `rollwatch extract` over a folder of saved pages: a file that is no web page at all (an empty
// download, a PDF or an image saved with .html) is named and skipped, and the real pages still come out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { notAWebPage } from '../../pipeline/cli/extract-command.ts';

const bin = join(import.meta.dirname, '../../bin/rollwatch.js');
const dir = mkdtempSync(join(tmpdir(), 'rollwatch-extract-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extract refuses what is not a web page', () => {
  it('names the empty and the binary file, exits 2, and still extracts the page between them', () => {
    const empty = join(dir, 'empty.html');
    const binary = join(dir, 'scan.html');
    const page = join(dir, 'page.html');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256))]));
    writeFileSync(page, '<html><head><title>Clinic opens</title></head><body><article><p>The walk-in clinic in Truro opened on Monday.</p></article></body></html>');
    const r = spawnSync(process.execPath, [bin, 'extract', '--json', empty, page, binary], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${empty} is not a web page: it is empty`);
    expect(r.stderr).toContain(`${binary} is not a web page: it is a binary file`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).title).toBe('Clinic opens');
  }, 60_000);

  it('takes a page in any text encoding, a UTF-16 one with its byte-order mark included', () => {
    expect(notAWebPage(Buffer.from('<p>Caf\u00e9 opens</p>', 'latin1'))).toBeNull();
    expect(notAWebPage(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>hi</p>', 'utf16le')]))).toBeNull();
    expect(notAWebPage(Buffer.from('  \n\t '))).toBe('it holds only white space');
  });
});
