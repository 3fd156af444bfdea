import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../pipeline/analyse/index.ts';
import { toExtractJson } from '../../pipeline/cli/extract-command.ts';
import { extractPage } from '../../pipeline/extract.ts';

const story = ['The new walk-in clinic in Ashford will open on 1 June, the trust said.', 'Between January and March the old clinic saw 4,000 patients.'];
const html = `<html><head><meta property="article:published_time" content="2024-04-10"></head><body><article>${story.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

describe('extract --json dates', () => {
  const page = extractPage(html, 'https://example.test/clinic', loadKnowledge());
  const dates = (all: boolean) => toExtractJson('page.html', page.article.url, page, all).dates.map((d) => [d.surface, d.value, d.milestone]);

  it('lists only the dates that time a rollout milestone, as the labelled sets count them', () => {
    expect(dates(false)).toEqual([['1 June', '2024-06-01', true]]);
  });

  it('with --all-dates lists every date, each with its flag', () => {
    expect(dates(true)).toEqual([['1 June', '2024-06-01', true], ['January', '2024-01', false], ['March', '2024-03', false]]);
  });
});
