// pct-news: a primary care trust's news site from 2010-2013, gone since PCTs were abolished in
// April 2013. It is never served live: its pages exist only as captures in the fixture web
// archive (pipeline/sample/archive.ts), the way dh.gov.uk and PCT sites survive today. Plain
// 2010-era markup: Dublin Core date meta, a printed "Published" line, canonical links.
import type { SampleArticle } from '../content.ts';
import { dayMonthYear, esc, inline } from '../html.ts';

const NAME = 'NHS County Durham and Darlington';
export const PCT_HTML = 'text/html; charset=utf-8';

export function pctArticlePath(a: SampleArticle): string {
  return `/news/${a.slug}`;
}

function layout(site: string, o: { title: string; path: string; head?: string; content: string }): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${esc(o.title)} - ${NAME}</title>
<link rel="canonical" href="${site}${o.path}" />
${o.head ?? ''}
</head>
<body>
<div id="header"><a href="/"><img src="/images/nhs-cdd-logo.png" alt="${NAME}" /></a>
<ul id="nav"><li><a href="/">Home</a></li><li><a href="/news/">News</a></li><li><a href="/your-health/">Your health</a></li><li><a href="/about-us/">About us</a></li></ul></div>
<div id="content">
${o.content}
</div>
<div id="footer"><p>&copy; ${NAME} (sample site, written for rollwatch tests; not an official NHS website)</p></div>
</body>
</html>
`;
}

export function pctArticleHtml(site: string, a: SampleArticle): string {
  const paragraphs = a.blocks
    .map((b) => (b.kind === 'h2' ? `<h2>${inline(b.text)}</h2>` : b.kind === 'li' ? `<ul><li>${inline(b.text)}</li></ul>` : `<p>${inline(b.text)}</p>`))
    .join('\n');
  const head = `<meta name="DC.date.issued" content="${a.date}" />\n<meta name="description" content="${esc(a.summary)}" />`;
  const content = `<h1>${esc(a.title)}</h1>
<p class="published">Published: ${dayMonthYear(a.date)}</p>
<div class="article-body">
${paragraphs}
</div>
${a.contact ? `<p class="contact">Media enquiries: ${esc(a.contact)}</p>` : ''}
<p><a href="/news/">Back to news</a></p>`;
  return layout(site, { title: a.title, path: pctArticlePath(a), head, content });
}

/** The news listing as it stood when `articles` were the site's articles (newest first). */
export function pctListingHtml(site: string, articles: SampleArticle[]): string {
  const items = articles.map((a) => `<li><a href="${pctArticlePath(a)}">${esc(a.title)}</a> <span class="date">${dayMonthYear(a.date)}</span></li>`).join('\n');
  return layout(site, { title: 'News', path: '/news/', content: `<h1>News</h1>\n<ul class="news-list">\n${items}\n</ul>` });
}

export function pctHomeHtml(site: string, articles: SampleArticle[]): string {
  const latest = articles.slice(0, 3).map((a) => `<li><a href="${pctArticlePath(a)}">${esc(a.title)}</a></li>`).join('\n');
  const content = `<h1>Welcome</h1>\n<p>We plan and pay for NHS services for people in County Durham and Darlington.</p>\n<h2>Latest news</h2>\n<ul>\n${latest}\n</ul>`;
  return layout(site, { title: 'Home', path: '/', content });
}
