// `rollwatch extract --json` carries when each fact took effect and its target days, as the tables do.
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../pipeline/analyse/index.ts';
import { toExtractJson } from '../../pipeline/cli/extract-command.ts';
import { extractPage } from '../../pipeline/extract.ts';

const PAGE = `<!doctype html><html><head><title>Summary records reach Bolton</title>
<meta property="article:published_time" content="2014-03-06"></head><body><article>
<h1>Summary records reach every practice</h1>
<p>Published 6 March 2014</p>
<p>The Summary Care Record went live in Bolton in 2007, years before most areas joined the programme.</p>
<p>NHS England expects the Summary Care Record to cover every practice in England by the end of 2015, it said on Thursday.</p>
</article></body></html>`;

describe('extract --json', () => {
  it('gives each event its effective date and target days beside the report day', () => {
    const page = extractPage(PAGE, 'https://news.example/scr-bolton', loadKnowledge());
    const json = toExtractJson('page.html', 'https://news.example/scr-bolton', page);
    expect(json.published).toBe('2014-03-06');
    const live = json.events.find((e) => e.status === 'live' && e.region === 'Bolton');
    expect(live).toMatchObject({ effective: '2007', effectiveStart: '2007-01-01', effectiveEnd: '2007-12-31', targetStart: null, targetEnd: null });
    for (const e of json.events) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['effective', 'effectiveStart', 'effectiveEnd', 'targetStart', 'targetEnd']));
      if (e.target) expect(e.targetStart! <= e.targetEnd!).toBe(true);
    }
  });
});
