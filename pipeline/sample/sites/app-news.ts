// app-news: a regional NHS news site built as a JavaScript app. Every article URL serves the
// same empty shell; a script shows a cookie-consent dialog and, once it is accepted, fetches
// the article as JSON and writes it into the page (JSON-LD included). A plain HTTP fetch sees
// no article at all: this source declares `render: "browser"`. Found through a sitemap.
import { loadSampleArticles, type SampleArticle } from '../content.ts';
import { dayMonthYear, esc, inline, instant, isoLocal } from '../html.ts';
import { latest, SiteBuilder, type BuiltSite } from '../site.ts';

const NAME = 'North East NHS news';
const HTML = 'text/html; charset=utf-8';

function articlePath(a: SampleArticle): string {
  return `/news/${a.slug}`;
}

function shell(b: SiteBuilder, a: SampleArticle): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${NAME}</title>
<link rel="canonical" href="${b.url(articlePath(a))}">
<link rel="stylesheet" href="/app.css">
</head>
<body>
<header class="masthead"><a href="/">${NAME}</a></header>
<main id="app" aria-busy="true" data-article="${esc(a.slug)}"></main>
<div id="consent" class="consent-dialog" role="dialog" aria-modal="true" hidden>
<p>We use cookies to make this site work and to understand how it is used.</p>
<button type="button" id="consent-settings">Manage settings</button>
<button type="button" id="consent-accept">Accept all cookies</button>
</div>
<footer class="site-footer">A sample site written for rollwatch tests; not an official NHS website.</footer>
<script src="/app.js"></script>
</body>
</html>
`;
}

/** The app: consent first, then the article from the JSON API. Runs only in a browser. */
const APP_JS = `(function () {
  var app = document.getElementById('app');
  var consent = document.getElementById('consent');
  function render(a) {
    document.title = a.title + ' | ${NAME}';
    var ld = document.createElement('script');
    ld.type = 'application/ld+json';
    ld.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.title,
      datePublished: a.published, author: a.author ? { '@type': 'Person', name: a.author } : undefined });
    document.head.appendChild(ld);
    var html = '<article class="story"><h1>' + a.titleHtml + '</h1><p class="byline">' +
      (a.author ? 'By ' + a.authorHtml + ' &middot; ' : '') + '<time datetime="' + a.published + '">' + a.dateText + '</time></p>';
    for (var i = 0; i < a.blocks.length; i++) html += a.blocks[i];
    app.innerHTML = html + '</article>';
    app.removeAttribute('aria-busy');
  }
  function load() {
    fetch('/api/articles/' + app.getAttribute('data-article') + '.json')
      .then(function (r) { return r.json(); })
      .then(function (a) { setTimeout(function () { render(a); }, 50); });
  }
  if (document.cookie.indexOf('consent=yes') >= 0) { consent.parentNode.removeChild(consent); load(); return; }
  consent.hidden = false;
  document.getElementById('consent-accept').addEventListener('click', function () {
    document.cookie = 'consent=yes; path=/';
    consent.parentNode.removeChild(consent);
    load();
  });
})();
`;

const APP_CSS = `.consent-dialog{position:fixed;inset:0;background:rgba(0,0,0,.7);color:#fff;padding:20%}
.story{max-width:40em;margin:auto}
`;

function articleJson(a: SampleArticle): string {
  const blocks = a.blocks.map((b) => (b.kind === 'h2' ? `<h2>${inline(b.text)}</h2>` : b.kind === 'li' ? `<ul><li>${inline(b.text)}</li></ul>` : `<p>${inline(b.text)}</p>`));
  return JSON.stringify({
    title: a.title,
    titleHtml: esc(a.title),
    author: a.author,
    authorHtml: a.author ? esc(a.author) : null,
    published: isoLocal(a.date, a.time),
    dateText: dayMonthYear(a.date),
    blocks,
  });
}

export function buildAppNews(dir: string, site: string): BuiltSite {
  const b = new SiteBuilder('app-news', site);
  const articles = loadSampleArticles(dir);
  const epoch = instant('2013-01-01', '09:00');
  for (const a of articles) {
    const path = articlePath(a);
    const at = instant(a.updated ?? a.date, a.time);
    b.add(path, HTML, shell(b, a), at);
    b.add(`/api/articles/${a.slug}.json`, 'application/json; charset=utf-8', articleJson(a), at);
    b.articles.push({ article: a, url: b.url(path), path });
  }
  const urls = articles.map((a) => `<url><loc>${b.url(articlePath(a))}</loc><lastmod>${isoLocal(a.updated ?? a.date, a.time)}</lastmod></url>`).join('\n');
  const newest = latest(articles.map((a) => instant(a.updated ?? a.date, a.time)));
  b.add('/sitemap.xml', 'application/xml; charset=utf-8', `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, newest);
  b.add('/app.js', 'text/javascript; charset=utf-8', APP_JS, epoch);
  b.add('/app.css', 'text/css; charset=utf-8', APP_CSS, epoch);
  b.add('/robots.txt', 'text/plain', `User-agent: *\nDisallow: /admin/\n\nSitemap: ${b.url('/sitemap.xml')}\n`, epoch);
  return b.build();
}
