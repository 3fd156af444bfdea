// nhs-news: a WordPress/Yoast-style national NHS news site. Yoast JSON-LD @graph,
// OpenGraph, canonical, a sitemap index with two child sitemaps, /news/page/N/
// pagination, tag archives, and a print view that robots.txt disallows but every
// article links to.
import { loadSampleArticles, type SampleArticle } from '../content.ts';
import { dayMonthYear, esc, inline, instant, isoLocal, slugify } from '../html.ts';
import { latest, paginate, SiteBuilder, type BuiltSite } from '../site.ts';

const NAME = 'NHS News';
const HTML = 'text/html; charset=UTF-8';
const XML = 'application/xml; charset=UTF-8';
const PER_PAGE = 8;

function articlePath(a: SampleArticle): string {
  const [y, m] = a.date.split('-');
  return `/${y}/${m}/${a.slug}/`;
}

function sectionLabel(section: string): string {
  return section === 'press-release' ? 'Press releases' : section === 'statement' ? 'Statements' : 'News';
}

function layout(b: SiteBuilder, o: { title: string; canonical: string; head?: string; bodyClass: string; crumbs: [string, string | null][]; main: string; sidebar: SampleArticle[] }): string {
  const crumbs = o.crumbs
    .map(([label, href]) => (href ? `<li><a href="${href}">${esc(label)}</a></li>` : `<li aria-current="page">${esc(label)}</li>`))
    .join('');
  const side = o.sidebar.map((a) => `<li><a href="${articlePath(a)}">${esc(a.title)}</a></li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)} - ${NAME}</title>
<link rel="canonical" href="${b.url(o.canonical)}">
${o.head ?? ''}
<link rel="stylesheet" id="nhsnews-style-css" href="/wp-content/themes/nhsnews/style.css?ver=2.4.1" media="all">
<script src="/wp-includes/js/jquery/jquery.min.js?ver=1.10.2"></script>
</head>
<body class="${o.bodyClass}">
<div id="cookie-notice" class="cookie-banner" role="dialog" aria-label="Cookies on this site">
<p>We use cookies to make this website work and to understand how you use it. Some are set by third parties.</p>
<button type="button" class="cookie-accept">Accept cookies</button> <a href="/cookies/">Find out more about cookies</a>
</div>
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header" role="banner">
<div class="site-branding"><a href="/" rel="home" class="custom-logo-link">${NAME}</a><p class="site-description">News and announcements from the NHS in England</p></div>
<nav id="site-navigation" class="main-navigation" aria-label="Main menu"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="/">Home</a></li>
<li class="menu-item current-menu-ancestor"><a href="/news/">News</a></li>
<li class="menu-item"><a href="/tag/nhs-111/">NHS 111</a></li>
<li class="menu-item"><a href="/tag/summary-care-record/">Summary Care Record</a></li>
<li class="menu-item"><a href="/about-us/">About us</a></li>
<li class="menu-item"><a href="/contact-us/">Contact us</a></li>
</ul></nav>
<form role="search" method="get" class="search-form" action="/"><label>Search for: <input type="search" class="search-field" name="s"></label><input type="submit" class="search-submit" value="Search"></form>
</header>
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${crumbs}</ol></nav>
<div id="content" class="site-content">
<main id="main" class="site-main">
${o.main}
</main>
<aside id="secondary" class="widget-area" role="complementary">
<section class="widget widget_recent_entries"><h2 class="widget-title">Latest news</h2><ul>
${side}
</ul></section>
<section class="widget widget_text"><h2 class="widget-title">Media enquiries</h2><div class="textwidget"><p>Journalists can contact the press office on 0113 000 0000 (office hours).</p></div></section>
</aside>
</div>
<footer id="colophon" class="site-footer" role="contentinfo">
<ul class="footer-links"><li><a href="/accessibility/">Accessibility</a></li><li><a href="/privacy/">Privacy notice</a></li><li><a href="/cookies/">Cookies</a></li><li><a href="/contact-us/">Contact us</a></li></ul>
<p class="copyright">&copy; ${NAME} sample site. Written for rollwatch tests; not an official NHS website.</p>
</footer>
<script src="/wp-content/themes/nhsnews/js/navigation.js?ver=2.4.1"></script>
</body>
</html>
`;
}

function jsonLd(b: SiteBuilder, a: SampleArticle): string {
  const url = b.url(articlePath(a));
  const author = a.author ? { '@type': 'Person', name: a.author } : { '@type': 'Organization', name: `${NAME} press office` };
  const graph = {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'NewsArticle',
        '@id': `${url}#article`,
        isPartOf: { '@id': url },
        headline: a.title,
        datePublished: isoLocal(a.date, a.time),
        dateModified: isoLocal(a.updated ?? a.date, a.updated ? '16:30' : a.time),
        author,
        publisher: { '@id': `${b.site}/#organization` },
        mainEntityOfPage: { '@id': url },
        articleSection: [sectionLabel(a.section)],
        keywords: a.tags,
        inLanguage: 'en-GB',
      },
      { '@type': 'WebPage', '@id': url, url, name: `${a.title} - ${NAME}`, breadcrumb: { '@id': `${url}#breadcrumb` } },
      {
        '@type': 'BreadcrumbList',
        '@id': `${url}#breadcrumb`,
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'Home', item: `${b.site}/` },
          { '@type': 'ListItem', position: 2, name: 'News', item: `${b.site}/news/` },
          { '@type': 'ListItem', position: 3, name: a.title },
        ],
      },
      { '@type': 'Organization', '@id': `${b.site}/#organization`, name: NAME, url: `${b.site}/` },
    ],
  };
  return `<script type="application/ld+json" class="yoast-schema-graph">${JSON.stringify(graph).replace(/</g, '\\u003c')}</script>`;
}

function blocksHtml(a: SampleArticle): string {
  const out: string[] = [];
  let inList = false;
  for (const block of a.blocks) {
    if (block.kind === 'li' && !inList) {
      out.push('<ul>');
      inList = true;
    } else if (block.kind !== 'li' && inList) {
      out.push('</ul>');
      inList = false;
    }
    if (block.kind === 'p') out.push(`<p>${inline(block.text)}</p>`);
    else if (block.kind === 'h2') out.push(`<h2>${inline(block.text)}</h2>`);
    else out.push(`<li>${inline(block.text)}</li>`);
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}

function articleHtml(b: SiteBuilder, a: SampleArticle, bySlug: Map<string, SampleArticle>, recent: SampleArticle[], postId: number): string {
  const path = articlePath(a);
  const url = b.url(path);
  const published = isoLocal(a.date, a.time);
  const head = [
    `<meta name="description" content="${esc(a.summary)}">`,
    `<meta name="robots" content="index, follow, max-snippet:-1">`,
    `<meta property="og:locale" content="en_GB">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${esc(a.title)}">`,
    `<meta property="og:description" content="${esc(a.summary)}">`,
    `<meta property="og:url" content="${url}">`,
    `<meta property="og:site_name" content="${NAME}">`,
    `<meta property="article:published_time" content="${published}">`,
    a.updated ? `<meta property="article:modified_time" content="${isoLocal(a.updated, '16:30')}">` : '',
    `<meta name="twitter:card" content="summary_large_image">`,
    `<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="${esc(a.author ?? `${NAME} press office`)}">`,
    jsonLd(b, a),
  ]
    .filter(Boolean)
    .join('\n');
  const byline = a.author
    ? ` <span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/${slugify(a.author)}/">${esc(a.author)}</a></span></span>`
    : '';
  const updated = a.updated ? ` <span class="updated-on">Updated: <time class="updated" datetime="${isoLocal(a.updated, '16:30')}">${dayMonthYear(a.updated)}</time></span>` : '';
  const tags = a.tags.map((t) => `<a href="/tag/${slugify(t)}/" rel="tag">${esc(t)}</a>`).join(', ');
  // Related links carry campaign parameters, as WordPress "related posts" plugins add them.
  const related = a.related
    .map((s) => bySlug.get(s))
    .filter((r): r is SampleArticle => Boolean(r))
    .map((r) => `<li><a href="${articlePath(r)}?utm_source=related&amp;utm_medium=web&amp;utm_campaign=related-news">${esc(r.title)}</a> <span class="posted-on">${dayMonthYear(r.date)}</span></li>`)
    .join('\n');
  const share = encodeURIComponent(url);
  const main = `<article id="post-${postId}" class="post-${postId} post type-post status-publish format-standard hentry category-${a.section}">
<header class="entry-header">
<h1 class="entry-title">${esc(a.title)}</h1>
<div class="entry-meta"><span class="posted-on">Published: <time class="entry-date published" datetime="${published}">${dayMonthYear(a.date)}</time></span>${updated}${byline}</div>
</header>
<div class="share-bar" aria-label="Share this page">Share: <a class="share-twitter" href="https://twitter.com/intent/tweet?url=${share}&amp;text=${encodeURIComponent(a.title)}">Twitter</a> <a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u=${share}">Facebook</a> <a class="share-email" href="mailto:?subject=${encodeURIComponent(a.title)}&amp;body=${share}">Email</a> <a class="share-print" href="/print${path}" rel="nofollow">Print this page</a></div>
<div class="entry-content">
${blocksHtml(a)}
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/news/" rel="category tag">${sectionLabel(a.section)}</a></span>${tags ? ` <span class="tags-links">Tagged ${tags}</span>` : ''}</footer>
</article>
${related ? `<aside class="related-news"><h2>Related news</h2><ul>\n${related}\n</ul></aside>` : ''}
<nav class="post-navigation" aria-label="Posts"><a href="/news/">&larr; Back to all news</a></nav>`;
  return layout(b, {
    title: a.title,
    canonical: path,
    head,
    bodyClass: `post-template-default single single-post postid-${postId} single-format-standard`,
    crumbs: [['Home', '/'], ['News', '/news/'], [a.title, null]],
    main,
    sidebar: recent,
  });
}

function listingItem(a: SampleArticle): string {
  return `<article class="post hentry"><h2 class="entry-title"><a href="${articlePath(a)}" rel="bookmark">${esc(a.title)}</a></h2>
<div class="entry-meta"><time class="entry-date" datetime="${isoLocal(a.date, a.time)}">${dayMonthYear(a.date)}</time></div>
<div class="entry-summary"><p>${esc(a.summary)}</p></div></article>`;
}

function listingPages(b: SiteBuilder, base: string, heading: string, items: SampleArticle[], recent: SampleArticle[]): void {
  const pages = paginate(items, PER_PAGE);
  pages.forEach((chunk, i) => {
    const path = i === 0 ? base : `${base}page/${i + 1}/`;
    const prev = i === 0 ? null : i === 1 ? base : `${base}page/${i}/`;
    const next = i + 1 < pages.length ? `${base}page/${i + 2}/` : null;
    const nav = `<nav class="navigation pagination" aria-label="Posts"><div class="nav-links">${prev ? `<a class="prev page-numbers" href="${prev}">Previous</a> ` : ''}<span aria-current="page" class="page-numbers current">${i + 1}</span>${next ? ` <a class="next page-numbers" href="${next}">Next</a>` : ''}</div></nav>`;
    const head = [prev ? `<link rel="prev" href="${b.url(prev)}">` : '', next ? `<link rel="next" href="${b.url(next)}">` : ''].join('\n');
    const main = `<header class="page-header"><h1 class="page-title">${esc(heading)}</h1></header>\n${chunk.map(listingItem).join('\n')}\n${nav}`;
    b.add(path, HTML, layout(b, { title: i ? `${heading} - Page ${i + 1}` : heading, canonical: path, head, bodyClass: 'archive blog', crumbs: [['Home', '/'], [heading, null]], main, sidebar: recent }), latest(chunk.map((a) => instant(a.updated ?? a.date, a.time))));
  });
}

function sitemap(b: SiteBuilder, items: SampleArticle[]): string {
  const urls = items
    .map((a) => `<url><loc>${b.url(articlePath(a))}</loc><lastmod>${isoLocal(a.updated ?? a.date, a.updated ? '16:30' : a.time)}</lastmod></url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" href="/main-sitemap.xsl"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

const STATIC_PAGES: [string, string, string][] = [
  ['/about-us/', 'About us', 'This is a sample site that imitates the news pages of a national NHS body. It exists so that rollwatch can be tried without the internet.'],
  ['/contact-us/', 'Contact us', 'Press enquiries go to the press office. Members of the public should contact their GP practice or call NHS 111 for health advice.'],
  ['/cookies/', 'Cookies', 'We set a small number of cookies to remember your cookie choice and to count visits.'],
  ['/accessibility/', 'Accessibility statement', 'We aim to meet the Web Content Accessibility Guidelines at level AA.'],
  ['/privacy/', 'Privacy notice', 'We keep the email addresses of people who subscribe to our news alerts and nothing else.'],
];

export function buildNhsNews(dir: string, site: string): BuiltSite {
  const b = new SiteBuilder('nhs-news', site);
  const articles = loadSampleArticles(dir);
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const recent = articles.slice(0, 5);
  const epoch = instant('2012-01-01', '09:00');

  articles.forEach((a, i) => {
    const path = articlePath(a);
    const modified = instant(a.updated ?? a.date, a.updated ? '16:30' : a.time);
    const postId = 4100 + (articles.length - i) * 7;
    b.add(path, HTML, articleHtml(b, a, bySlug, recent, postId), modified);
    b.redirect(path.slice(0, -1), path);
    b.add(`/print${path}`, HTML, `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>${esc(a.title)} (print)</title><meta name="robots" content="noindex"></head><body><h1>${esc(a.title)}</h1>${blocksHtml(a)}</body></html>`, modified);
    b.articles.push({ article: a, url: b.url(path), path });
  });

  b.add('/', HTML, layout(b, { title: 'Home', canonical: '/', bodyClass: 'home blog', crumbs: [['Home', null]], main: `<h1>Latest news</h1>\n${recent.map(listingItem).join('\n')}\n<p><a href="/news/">All news</a></p>`, sidebar: recent }), latest(recent.map((a) => instant(a.date, a.time))));
  listingPages(b, '/news/', 'News', articles, recent);

  const tags = new Map<string, SampleArticle[]>();
  for (const a of articles) for (const t of a.tags) tags.set(t, [...(tags.get(t) ?? []), a]);
  for (const [tag, items] of [...tags].sort()) listingPages(b, `/tag/${slugify(tag)}/`, `Tag: ${tag}`, items, recent);
  const authors = new Map<string, SampleArticle[]>();
  for (const a of articles) if (a.author) authors.set(a.author, [...(authors.get(a.author) ?? []), a]);
  for (const [author, items] of [...authors].sort()) listingPages(b, `/author/${slugify(author)}/`, `Author: ${author}`, items, recent);
  for (const [path, title, text] of STATIC_PAGES) {
    b.add(path, HTML, layout(b, { title, canonical: path, bodyClass: 'page', crumbs: [['Home', '/'], [title, null]], main: `<article class="page"><h1 class="entry-title">${title}</h1><div class="entry-content"><p>${text}</p></div></article>`, sidebar: recent }), epoch);
  }

  // Yoast splits posts across numbered child sitemaps; two halves here.
  const half = Math.ceil(articles.length / 2);
  const children: [string, SampleArticle[]][] = [
    ['/post-sitemap.xml', articles.slice(half)],
    ['/post-sitemap2.xml', articles.slice(0, half)],
  ];
  for (const [path, items] of children) b.add(path, XML, sitemap(b, items), latest(items.map((a) => instant(a.updated ?? a.date, a.time))));
  const index = children
    .map(([path, items]) => `<sitemap><loc>${b.url(path)}</loc><lastmod>${latest(items.map((a) => instant(a.updated ?? a.date, a.time))).toISOString()}</lastmod></sitemap>`)
    .join('\n');
  b.add('/sitemap_index.xml', XML, `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index}\n</sitemapindex>\n`, latest(articles.map((a) => instant(a.updated ?? a.date, a.time))));
  b.add('/robots.txt', 'text/plain; charset=utf-8', `User-agent: *\nDisallow: /wp-admin/\nDisallow: /print/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: ${b.url('/sitemap_index.xml')}\n`, epoch);
  return b.build();
}
