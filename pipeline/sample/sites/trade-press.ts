// trade-press: a GP trade-press site in the style of Pulse or GP Online. No JSON-LD;
// the date appears only as text ("21 May 2013") in the byline; a health-professionals
// interstitial on every page; registration teasers; reader comments under articles;
// an RSS 2.0 feed of recent items with campaign parameters on its links; ?page=N listing.
import { loadSampleArticles, type SampleArticle } from '../content.ts';
import { dayMonthYear, esc, inline, instant, rfc822, slugify } from '../html.ts';
import { latest, paginate, SiteBuilder, type BuiltSite } from '../site.ts';

const NAME = 'Practice Press';
const HTML = 'text/html; charset=utf-8';
const PER_PAGE = 10;
const FEED_ITEMS = 12;

function articlePath(a: SampleArticle): string {
  if (a.id === null) throw new Error(`trade-press article ${a.slug} needs an "id:" header`);
  return `/news/${a.section}/${a.slug}/${a.id}.article`;
}

function sectionLabel(section: string): string {
  const labels: Record<string, string> = {
    commissioning: 'Commissioning',
    'practice-business': 'Practice business',
    clinical: 'Clinical',
    it: 'IT',
    careers: 'Careers',
    events: 'Events',
    views: 'Views',
  };
  return labels[section] ?? section;
}

function layout(b: SiteBuilder, o: { title: string; canonical: string; head?: string; main: string; popular: SampleArticle[] }): string {
  const popular = o.popular.map((a) => `<li><a href="${articlePath(a)}">${esc(a.title)}</a></li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta charset="utf-8">
<title>${esc(o.title)} | ${NAME}</title>
<link rel="canonical" href="${b.url(o.canonical)}">
<link rel="alternate" type="application/rss+xml" title="${NAME} news" href="${b.url('/feeds/news.rss')}">
${o.head ?? ''}
<link rel="stylesheet" href="/static/css/site.css?v=20130401">
</head>
<body class="trade-press">
<div id="hcp-interstitial" class="interstitial-overlay" role="dialog" aria-modal="true">
<div class="interstitial-box"><h2>This website is meant for healthcare professionals only</h2>
<p>Please confirm that you are a healthcare professional before you continue.</p>
<a class="btn btn-primary" href="/hcp-confirm?answer=yes">Yes, I am a health professional</a> <a class="btn" href="/hcp-confirm?answer=no">No</a></div>
</div>
<div class="leaderboard-ad" aria-hidden="true"><iframe title="advert" src="/ads/leaderboard.html"></iframe></div>
<header class="masthead"><a class="logo" href="/">${NAME}</a> <span class="strap">The news site for general practice</span>
<nav class="primary-nav"><ul>
<li><a href="/news">News</a></li><li><a href="/topics/nhs-111">NHS 111</a></li><li><a href="/topics/commissioning">Commissioning</a></li><li><a href="/topics/it">IT</a></li><li><a href="/news/careers">Jobs</a></li><li><a href="/news/events">Events</a></li>
</ul></nav>
<div class="account-links"><a href="/login">Sign in</a> | <a href="/register">Register</a></div>
</header>
<div class="page-wrap">
<main class="main-col">
${o.main}
</main>
<aside class="side-col">
<div class="most-read"><h3>Most read</h3><ol>
${popular}
</ol></div>
<div class="newsletter-signup"><h3>Get the daily bulletin</h3><p>Sign up for our email and never miss a story.</p><a href="/register?bulletin=daily">Sign up</a></div>
</aside>
</div>
<footer class="site-footer"><p>&copy; 2013 ${NAME} (sample site). Written for rollwatch tests; not a real publication.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/terms">Terms and conditions</a></li><li><a href="/feeds/news.rss">RSS</a></li></ul></footer>
</body>
</html>
`;
}

function blocksHtml(blocks: SampleArticle['blocks']): string {
  const out: string[] = [];
  let inList = false;
  for (const block of blocks) {
    if (block.kind === 'li' !== inList) {
      out.push(inList ? '</ul>' : '<ul>');
      inList = !inList;
    }
    if (block.kind === 'p') out.push(`<p>${inline(block.text)}</p>`);
    else if (block.kind === 'h2') out.push(`<h3 class="crosshead">${inline(block.text)}</h3>`);
    else out.push(`<li>${inline(block.text)}</li>`);
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}

function articleHtml(b: SiteBuilder, a: SampleArticle, bySlug: Map<string, SampleArticle>, popular: SampleArticle[]): string {
  const path = articlePath(a);
  const visible = a.teaser === null ? a.blocks : a.blocks.slice(0, a.teaser);
  const wall =
    a.teaser === null
      ? ''
      : `<div class="registration-wall"><h3>Register to read the rest of this article</h3>
<p>Registration is free for GPs, practice managers and other healthcare professionals. Registered users can read every story, comment and get our daily bulletin.</p>
<a class="btn btn-primary" href="/register?returnUrl=${encodeURIComponent(path)}">Register now</a> <a href="/login?returnUrl=${encodeURIComponent(path)}">Already registered? Sign in</a></div>`;
  const related = a.related
    .map((s) => bySlug.get(s))
    .filter((r): r is SampleArticle => Boolean(r))
    .map((r) => `<li><a href="${articlePath(r)}">${esc(r.title)}</a><span class="date">${dayMonthYear(r.date)}</span></li>`)
    .join('\n');
  const comments = a.comments
    .map(
      (c, i) => `<li class="comment" id="comment-${a.id}-${i + 1}"><div class="comment-meta"><span class="comment-author">${esc(c.author)}</span> <span class="comment-date">${dayMonthYear(c.date)}</span></div>
<div class="comment-body"><p>${esc(c.text)}</p></div><a class="report-comment" href="/login?returnUrl=${encodeURIComponent(path)}">Report this comment</a></li>`,
    )
    .join('\n');
  const topics = a.tags.map((t) => `<a href="/topics/${slugify(t)}">${esc(t)}</a>`).join(' ');
  const head = [
    `<meta name="description" content="${esc(a.summary)}">`,
    `<meta property="og:title" content="${esc(a.title)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:url" content="${b.url(path)}">`,
    `<meta property="og:site_name" content="${NAME}">`,
    `<meta name="twitter:site" content="@practicepress">`,
  ].join('\n');
  const main = `<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; <a href="/topics/${a.section}">${sectionLabel(a.section)}</a></div>
<div class="story">
<h1>${esc(a.title)}</h1>
<div class="byline">${a.author ? `By <a class="author" href="/authors/${slugify(a.author)}">${esc(a.author)}</a> | ` : ''}<span class="date">${dayMonthYear(a.date)}</span></div>
<div class="share-tools"><a href="/email-a-friend?url=${encodeURIComponent(path)}">Email</a> <a href="https://twitter.com/share?url=${encodeURIComponent(b.url(path))}">Tweet</a> <span class="comment-count"><a href="#comments">${a.comments.length} comments</a></span></div>
<div class="story-body">
${blocksHtml(visible)}
</div>
${wall}
${topics ? `<div class="story-topics">Topics: ${topics}</div>` : ''}
</div>
${related ? `<div class="related-articles"><h3>Related articles</h3><ul>\n${related}\n</ul></div>` : ''}
<div class="mpu-ad" aria-hidden="true"><iframe title="advert" src="/ads/mpu.html"></iframe></div>
<section id="comments" class="comments"><h2>Readers' comments (${a.comments.length})</h2>
${comments ? `<ol class="comment-list">\n${comments}\n</ol>` : '<p>No comments yet.</p>'}
<p class="comment-login">You must be <a href="/login?returnUrl=${encodeURIComponent(path)}">signed in</a> to comment.</p>
</section>`;
  return layout(b, { title: a.title, canonical: path, head, main, popular });
}

function listingHtml(b: SiteBuilder, title: string, path: string, items: SampleArticle[], pageLinks: { prev: string | null; next: string | null; n: number; of: number }, popular: SampleArticle[]): string {
  const list = items
    .map((a) => `<div class="listing-item"><h2><a href="${articlePath(a)}">${esc(a.title)}</a></h2><p class="summary">${esc(a.summary)}</p><span class="date">${dayMonthYear(a.date)}</span></div>`)
    .join('\n');
  const head = [pageLinks.prev ? `<link rel="prev" href="${b.url(pageLinks.prev)}">` : '', pageLinks.next ? `<link rel="next" href="${b.url(pageLinks.next)}">` : ''].filter(Boolean).join('\n');
  const pager = `<div class="pagination">${pageLinks.prev ? `<a rel="prev" href="${pageLinks.prev}">&laquo; Previous</a> ` : ''}<span>Page ${pageLinks.n} of ${pageLinks.of}</span>${pageLinks.next ? ` <a rel="next" href="${pageLinks.next}">Next &raquo;</a>` : ''}</div>`;
  return layout(b, { title, canonical: path, head, main: `<h1>${esc(title)}</h1>\n${list}\n${pager}`, popular });
}

function paged(b: SiteBuilder, base: string, title: string, items: SampleArticle[], popular: SampleArticle[]): void {
  const pages = paginate(items, PER_PAGE);
  const at = (n: number) => (n === 1 ? base : `${base}?page=${n}`);
  pages.forEach((chunk, i) => {
    const n = i + 1;
    const links = { prev: n > 1 ? at(n - 1) : null, next: n < pages.length ? at(n + 1) : null, n, of: pages.length };
    b.add(at(n), HTML, listingHtml(b, n > 1 ? `${title} - page ${n}` : title, at(n), chunk, links, popular), latest(chunk.map((a) => instant(a.date, a.time))));
  });
  // CMS quirk kept on purpose: ?page=1 is a second address of the first page.
  b.redirect(`${base}?page=1`, base);
}

function rss(b: SiteBuilder, items: SampleArticle[]): string {
  const entries = items
    .map(
      (a) => `<item>
<title>${esc(a.title)}</title>
<link>${b.url(articlePath(a))}?utm_source=rss&amp;utm_medium=feed&amp;utm_campaign=news</link>
<description>${esc(a.summary)}</description>
<pubDate>${rfc822(a.date, a.time)}</pubDate>
<guid isPermaLink="false">practicepress-${a.id}</guid>
${a.author ? `<dc:creator>${esc(a.author)}</dc:creator>` : ''}
<category>${esc(sectionLabel(a.section))}</category>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${NAME} - News</title>
<link>${b.url('/news')}</link>
<atom:link href="${b.url('/feeds/news.rss')}" rel="self" type="application/rss+xml"/>
<description>The latest news for GPs from ${NAME}</description>
<language>en-gb</language>
<lastBuildDate>${rfc822(items[0].date, items[0].time)}</lastBuildDate>
${entries}
</channel>
</rss>
`;
}

export function buildTradePress(dir: string, site: string): BuiltSite {
  const b = new SiteBuilder('trade-press', site);
  const articles = loadSampleArticles(dir);
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const popular = articles.filter((a) => a.topic !== 'none').slice(0, 5);
  const epoch = instant('2012-01-01', '09:00');

  for (const a of articles) {
    const path = articlePath(a);
    b.add(path, HTML, articleHtml(b, a, bySlug, popular), instant(a.updated ?? a.date, a.time));
    b.articles.push({ article: a, url: b.url(path), path });
  }
  b.add('/', HTML, layout(b, { title: 'GP news', canonical: '/', main: `<h1>Latest</h1><ul class="top-stories">${articles.slice(0, 6).map((a) => `<li><a href="${articlePath(a)}">${esc(a.title)}</a></li>`).join('')}</ul><p><a href="/news">More news</a></p>`, popular }), latest(articles.slice(0, 6).map((a) => instant(a.date, a.time))));
  paged(b, '/news', 'News', articles, popular);
  const sections = [...new Set(articles.map((a) => a.section))].sort();
  for (const s of sections) paged(b, `/news/${s}`, sectionLabel(s), articles.filter((a) => a.section === s), popular);
  const tags = new Map<string, SampleArticle[]>();
  for (const a of articles) for (const t of [...a.tags, a.section]) tags.set(slugify(t), [...(tags.get(slugify(t)) ?? []), a]);
  for (const [tag, items] of [...tags].sort()) paged(b, `/topics/${tag}`, `Topic: ${tag}`, [...new Set(items)], popular);
  const authors = new Map<string, SampleArticle[]>();
  for (const a of articles) if (a.author) authors.set(a.author, [...(authors.get(a.author) ?? []), a]);
  for (const [author, items] of [...authors].sort()) paged(b, `/authors/${slugify(author)}`, `Articles by ${author}`, items, popular);
  for (const [path, title] of [['/about', 'About us'], ['/terms', 'Terms and conditions'], ['/register', 'Register'], ['/login', 'Sign in']] as const) {
    b.add(path, HTML, layout(b, { title, canonical: path, main: `<h1>${title}</h1><p>This page belongs to a sample site written for rollwatch tests.</p>`, popular }), epoch);
  }

  const feedItems = articles.slice(0, FEED_ITEMS);
  b.add('/feeds/news.rss', 'application/rss+xml; charset=utf-8', rss(b, feedItems), latest(feedItems.map((a) => instant(a.date, a.time))));
  b.add('/robots.txt', 'text/plain; charset=utf-8', `User-agent: *\nDisallow: /login\nDisallow: /register\nDisallow: /email-a-friend\nDisallow: /hcp-confirm\nDisallow: /ads/\n`, epoch);
  return b.build();
}
