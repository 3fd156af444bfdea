import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { writeReport } from '../../pipeline/export/report.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import { COUNTED_EVENT_IDS, LLR_QUOTE, S, insertDocument, insertEvent, seedRollouts } from './fixture.ts';

let t: TestDb;
let html: string;
let document: ReturnType<typeof parseHTML>['document'];
beforeAll(async () => {
  t = await createTestDb();
  await seedRollouts(t.db);
  await insertDocument(t.db, {
    doc_id: 'd-xss',
    url: 'javascript:alert(1)',
    source_id: 'health-news',
    title: '<script>alert("title")</script>',
    published_at: '2014-03-03',
    paragraphs: ['Providers in <b>Kent</b> & Medway <img src=x onerror=alert(2)> were told the service is under review.'],
  });
  await insertEvent(t.db, {
    event_id: 'x1', doc_id: 'd-xss', service: 'NHS 111', region: 'Kent & Medway "<svg onload=alert(3)>"', status: 'under_review',
    evidence: 'Providers in <b>Kent</b> & Medway <img src=x onerror=alert(2)> were told the service is under review.',
  });
  const file = join(t.dir, 'out', 'report.html');
  await writeReport(t.db, file);
  html = readFileSync(file, 'utf8');
  document = parseHTML(html).document;
});
afterAll(() => t.cleanup());

describe('HTML report', () => {
  it('is self-contained: no script, no external stylesheet, image or font', () => {
    expect(document.querySelectorAll('script, link[rel=stylesheet], iframe, img').length).toBe(0);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\/\//);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/);
    const external = [...document.querySelectorAll('[src]')];
    expect(external).toHaveLength(0);
  });

  it('draws one timeline per service, one row per region and one dot per dated fact', () => {
    const svgs = [...document.querySelectorAll('svg.timeline')];
    expect(svgs.map((s) => s.querySelector('title')?.textContent)).toEqual([
      'NHS 111: status reports by region over time',
      'NHS App: status reports by region over time',
    ]);
    expect(svgs[0].querySelectorAll('text.region')).toHaveLength(6);
    const marks = [...svgs[0].querySelectorAll('[data-status]')];
    expect(marks).toHaveLength(COUNTED_EVENT_IDS.length - 1 + 1);
    const statuses = marks.map((c) => c.getAttribute('data-status'));
    expect(statuses).toContain('paused');
    expect(statuses.filter((s) => s === 'paused')).toHaveLength(2); // the duplicate's copy is not drawn
    // Provider events and reviews are marked in their own shapes and hold no band: they are not a status.
    const shapeOf = (status: string) => [...new Set(marks.filter((m) => m.getAttribute('data-status') === status).map((m) => m.tagName.toLowerCase()))];
    expect(shapeOf('live')).toEqual(['circle']);
    expect(shapeOf('provider_appointed')).toEqual(['polygon']);
    expect(shapeOf('under_review')).toEqual(['rect']);
    const bandColours = new Set([...svgs[0].querySelectorAll('rect.band')].map((b) => b.getAttribute('fill')));
    const providerColour = marks.find((m) => m.getAttribute('data-status') === 'provider_appointed')!.getAttribute('fill');
    expect(bandColours.has(providerColour)).toBe(false);
  });

  it('places a fact when it took effect, not when it was reported', async () => {
    const own = await createTestDb();
    try {
      const text = 'The record went live in Bolton in 2007, long before the rest of the region.';
      await insertDocument(own.db, { doc_id: 'd-bg', url: 'https://www.example-health-news.org/2014/03/bolton', source_id: 'health-news', title: 'Bolton first', published_at: '2014-03-06', paragraphs: [text] });
      await insertEvent(own.db, { event_id: 'bg', doc_id: 'd-bg', service: 'Summary Care Record', region: 'Bolton', status: 'live', effective: '2007', evidence: text });
      const file = join(own.dir, 'bg.html');
      await writeReport(own.db, file);
      const doc = parseHTML(readFileSync(file, 'utf8')).document;
      const years = [...doc.querySelectorAll('svg text.year')].map((y) => y.textContent);
      expect(years[0]).toBe('2007');
      expect(doc.querySelector('svg circle title')?.textContent).toContain('took effect 2007, reported 2014-03-06');
      expect(doc.querySelector('svg line.span')).not.toBeNull(); // "in 2007" is drawn across the year
      const row = doc.querySelector('tr[id^=fact-]')!;
      expect([...row.querySelectorAll('td.date')].map((c) => c.textContent)).toEqual(['2007', '2014-03-06']);
    } finally {
      own.cleanup();
    }
  });

  it('links every dot to a fact row, and every fact row to its source URL', () => {
    for (const a of document.querySelectorAll('svg a')) {
      const target = a.getAttribute('href')!.slice(1);
      const row = document.getElementById(target);
      expect(row?.tagName).toBe('TR');
    }
    const rows = [...document.querySelectorAll('tr[id^=fact-]')];
    expect(rows).toHaveLength(COUNTED_EVENT_IDS.length + 1);
    const paused = rows.find((r) => r.textContent!.includes(S.llrPaused))!;
    expect(paused.querySelector('a')?.getAttribute('href')).toBe('https://www.example-gp-press.co.uk/news/111-launch-on-hold');
  });

  it('shows the current status table and the quotes with their speakers', () => {
    const current = document.querySelector('#current ~ table')!;
    const row = (region: string) => [...current.querySelectorAll('tr')].find((r) => r.textContent!.includes(region))!;
    const llr = row('Leicester, Leicestershire and Rutland');
    expect(llr.textContent).toContain('live');
    expect(llr.textContent).toContain('2013-11-12');
    expect(llr.textContent).toContain('Derbyshire Health United (appointed 2012-09-05)');
    // A provider event is shown beside the status, never as it.
    const somerset = row('Somerset');
    expect(somerset.querySelector('.status')).toBeNull();
    expect(somerset.textContent).toContain('no status reported');
    expect(somerset.textContent).toContain('Devon Doctors (appointed 2014-02-10)');
    expect([...current.querySelectorAll('.status')].map((c) => c.textContent)).not.toContain('provider appointed');
    const quotes = [...document.querySelectorAll('blockquote')];
    expect(quotes).toHaveLength(1);
    expect(quotes[0].textContent).toContain(LLR_QUOTE);
    expect(quotes[0].textContent).toContain('Dr Priya Shah');
  });

  it('shows hostile text as text and never links a javascript: URL', () => {
    expect(document.querySelectorAll('script, img, b, svg svg').length).toBe(0);
    expect(document.body.textContent).toContain('<img src=x onerror=alert(2)>');
    expect(document.body.textContent).toContain('<script>alert("title")</script>');
    for (const a of document.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(#|https?:)/);
  });
});

describe('HTML report of a large database', () => {
  it('past the limit shows only status changes for a service and says so', async () => {
    const own = await createTestDb();
    try {
      await own.db.run(`INSERT INTO documents (doc_id, url, source_id, title, published_at, body, content_hash, fetched_at)
        SELECT 'd' || i, 'https://www.example-health-news.org/n/' || i, 'health-news', 'Weekly NHS 111 round-up ' || i,
               DATE '2013-01-01' + CAST(i AS INTEGER), 'NHS 111 is running.', 'h' || i, TIMESTAMP '2026-11-24 03:00:00' FROM range(2100) r(i)`);
      // 2,100 reports that NHS 111 is live in one of three regions, then one pause.
      await own.db.run(`INSERT INTO rollout_events (event_id, doc_id, service, region, status, evidence, confidence)
        SELECT 'e' || i, 'd' || i, 'NHS 111', ['Kent', 'Surrey', 'Sussex'][1 + i % 3], CASE WHEN i = 2099 THEN 'paused' ELSE 'live' END,
               'NHS 111 is running.', 0.8 FROM range(2100) r(i)`);
      const file = join(own.dir, 'big.html');
      await writeReport(own.db, file);
      const doc = parseHTML(readFileSync(file, 'utf8')).document;
      expect(doc.querySelector('.note')?.textContent).toContain('2100 facts: showing the 4 status changes');
      expect(doc.querySelectorAll('tr[id^=fact-]')).toHaveLength(4);
      expect(doc.querySelectorAll('svg circle')).toHaveLength(4);
    } finally {
      own.cleanup();
    }
  });
});
