// End to end in a real headless browser: Debian's chromium driven by
// playwright-core (no browser download). Skips only on a developer machine
// without chromium; in CI (process.env.CI set) a missing browser fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../pipeline/crawl/browser-crawler.ts';
import type { RunningServer } from '../../pipeline/serve/server.ts';
import type { TestDb } from '../export/test-db.ts';
import { parseCsv } from '../export/parse-csv.ts';
import { COUNTED_EVENT_IDS, LLR_QUOTE, S } from '../export/fixture.ts';
import { seededServer, XSS_EVIDENCE } from './seeded-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(`skipping the browser test: ${CHROMIUM} not found (apt-get install -y chromium); CI runs it`);
}

describe.skipIf(!available && !process.env.CI)('serve in a real browser', () => {
  let server: RunningServer;
  let t: TestDb;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    ({ server, t } = await seededServer());
    profile = mkdtempSync(join(tmpdir(), 'rollwatch-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      // The same flags the browser crawler launches Chromium with.
      args: ['--headless', ...CHROMIUM_ARGS],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(server.url);
    await page.locator('#facts tbody tr').first().waitFor();
  }, 30_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    t?.cleanup();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const rows = () => page.locator('#facts tbody tr');
  // The machine is shared: give the page time to answer a filter change (each asks the server twice).
  const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

  it('lists every fact once, with a summary', async () => {
    await poll(() => rows().count()).toBe(COUNTED_EVENT_IDS.length + 1);
    expect(await page.locator('#summary').textContent()).toBe(`${COUNTED_EVENT_IDS.length + 1} facts (1 more in 1 syndicated copy left out)`);
  });

  it('shows each area\'s lifecycle status with the provider and any open review beside it', async () => {
    const current = page.locator('#current tbody tr');
    await poll(() => current.count()).toBeGreaterThan(0);
    const somerset = current.filter({ hasText: 'Somerset' });
    expect(await somerset.locator('.status').count()).toBe(0);
    expect(await somerset.textContent()).toContain('no status reported');
    expect(await somerset.textContent()).toContain('Devon Doctors (appointed 2014-02-10)');
    const llr = current.filter({ hasText: 'Leicester, Leicestershire and Rutland' });
    expect(await llr.locator('.status').textContent()).toBe('live');
    const kent = current.filter({ hasText: 'Kent' });
    expect(await kent.textContent()).toContain('open since 2014-03-03');
    const chips = await page.locator('#current .status').allTextContents();
    expect(chips.some((c) => c.startsWith('provider') || c === 'under review')).toBe(false);
  });

  it('filters by region and status, and keeps the filter in the URL', async () => {
    await page.fill('input[name=region]', 'Leicester, Leicestershire and Rutland');
    await page.press('input[name=region]', 'Enter');
    await poll(() => rows().count()).toBe(5);
    await page.selectOption('select[name=status]', 'paused');
    await poll(() => rows().count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('status')).toBe('paused');
  });

  it('shows the evidence in its paragraph and the article\'s quotes beside a fact', async () => {
    await rows().filter({ hasText: S.llrPaused }).click();
    const detail = page.locator('#detail');
    await poll(() => detail.isVisible()).toBe(true);
    expect(await detail.locator('mark').textContent()).toBe(S.llrPaused);
    expect(await detail.locator('blockquote').textContent()).toContain(LLR_QUOTE);
    expect(await detail.locator('blockquote').textContent()).toContain('Dr Priya Shah');
    expect(await detail.locator('h2 a').getAttribute('href')).toBe('https://www.example-gp-press.co.uk/news/111-launch-on-hold');
  });

  it('downloads exactly the filtered facts as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    const [header, ...records] = parseCsv(text);
    const col = (name: string) => header!.indexOf(name);
    expect(records.map((r) => [r[col('region')], r[col('status')]])).toEqual([
      ['Leicester, Leicestershire and Rutland', 'paused'],
      ['Leicester, Leicestershire and Rutland', 'paused'],
    ]);
  });

  it('a region matches the areas that contain it and says so; a name that matches nothing gets the nearest names', async () => {
    await page.click('button[type=reset]');
    await page.fill('input[name=region]', 'Leicestershire');
    await page.press('input[name=region]', 'Enter');
    await poll(() => rows().count()).toBe(5);
    expect(await page.locator('#notes').textContent()).toContain('containing it: Leicester, Leicestershire and Rutland');
    await page.fill('input[name=region]', '');
    await page.fill('input[name=service]', '111');
    await page.press('input[name=service]', 'Enter');
    await poll(() => page.locator('#notes').textContent()).toContain('--service 111 matches no fact; nearest: NHS 111');
    expect(await rows().count()).toBe(0);
  });

  it('shows scraped markup as text and runs none of it', async () => {
    await page.click('button[type=reset]');
    await poll(() => rows().count()).toBe(COUNTED_EVENT_IDS.length + 1);
    const row = rows().filter({ hasText: 'onerror' });
    await row.click();
    await poll(() => page.locator('#detail mark').textContent()).toBe(XSS_EVIDENCE);
    expect(await page.locator('#facts img, #detail img, #facts b').count()).toBe(0);
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    // A javascript: source URL is shown as text, never as a link.
    expect(await row.locator('a').count()).toBe(0);
  });

  it('asks only the local server for anything', () => {
    const origin = new URL(server.url).origin;
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith(origin)).toBe(true);
  });
});
