// local-ccg: a commissioner's site built years ago with classic ASP. Table layout,
// <br><br> between paragraphs instead of <p>, dd/mm/yyyy dates, no canonical, no
// OpenGraph, and windows-1252 bytes declared only in <meta http-equiv> (the server
// sends a bare `text/html`). Articles are found through a paginated listing.
import iconv from 'iconv-lite';
import { loadSampleArticles, type SampleArticle } from '../content.ts';
import { esc, inline, instant, slashDate } from '../html.ts';
import { latest, paginate, SiteBuilder, type BuiltSite } from '../site.ts';

const NAME = 'Leicester, Leicestershire and Rutland CCGs';
// No charset on purpose: decoders must read the <meta http-equiv> declaration.
const HTML = 'text/html';
const PER_PAGE = 6;

function articlePath(a: SampleArticle): string {
  if (a.id === null) throw new Error(`local-ccg article ${a.slug} needs an "id:" header`);
  return `/news/newsitem.asp?id=${a.id}`;
}

function encode(html: string): Buffer {
  return iconv.encode(html, 'win1252');
}

function layout(o: { title: string; content: string; latestNews: SampleArticle[] }): string {
  const side = o.latestNews
    .map((a) => `<tr><td class="sidenews"><a href="${articlePath(a)}&amp;utm_source=homepage&amp;utm_medium=sidebar">${esc(a.title)}</a></td></tr>`)
    .join('\n');
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>${NAME} :: ${esc(o.title)}</title>
<link href="/css/main.css" rel="stylesheet" type="text/css">
<script language="JavaScript" type="text/javascript" src="/scripts/menu.js"></script>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="780" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td colspan="2" class="banner"><a href="/default.asp"><img src="/images/llr_logo.gif" width="300" height="80" border="0" alt="${NAME}"></a></td></tr>
<tr><td colspan="2" class="topnav"><a href="/default.asp">Home</a> | <a href="/news/default.asp">News</a> | <a href="/about/default.asp">About us</a> | <a href="/board/default.asp">Board papers</a> | <a href="/contact.asp">Contact</a></td></tr>
<tr>
<td width="180" valign="top" class="leftcol">
<table width="100%" border="0" cellspacing="0" cellpadding="4">
<tr><td class="lefthead">Latest news</td></tr>
${side}
<tr><td class="lefthead">Need help?</td></tr>
<tr><td class="sidenews">Call NHS 111 when it is less urgent than 999.</td></tr>
</table>
</td>
<td width="600" valign="top" class="maincol">
${o.content}
</td>
</tr>
<tr><td colspan="2" class="footer"><font size="1">&copy; ${NAME} (sample site, written for rollwatch tests; not an official NHS website) | <a href="/accessibility.asp">Accessibility</a> | <a href="/foi.asp">Freedom of information</a></font></td></tr>
</table>
</body>
</html>
`;
}

/** Old CMS output: paragraphs run together with <br><br>, headings in <b>, bullets as &bull;. */
function bodyHtml(a: SampleArticle): string {
  return a.blocks
    .map((block) => {
      if (block.kind === 'h2') return `<b>${inline(block.text)}</b>`;
      if (block.kind === 'li') return `&bull; ${inline(block.text)}`;
      return inline(block.text);
    })
    .join('<br>\n<br>\n');
}

function articleHtml(a: SampleArticle, latestNews: SampleArticle[]): string {
  const content = `<table width="100%" border="0" cellspacing="0" cellpadding="6">
<tr><td class="pagetitle"><font face="Arial" size="4"><b>${esc(a.title)}</b></font></td></tr>
<tr><td class="newsdate"><font size="2">Date: ${slashDate(a.date)}</font></td></tr>
<tr><td class="newsbody"><font face="Arial" size="2">
${bodyHtml(a)}
</font></td></tr>
${a.contact ? `<tr><td class="newscontact"><font size="1">Contact: ${esc(a.contact)}</font></td></tr>` : ''}
</table>
<br><a href="/news/default.asp">&lt;&lt; Back to news</a> | <a href="javascript:window.print()">Print this page</a>`;
  return layout({ title: a.title, content, latestNews });
}

export function buildLocalCcg(dir: string, site: string): BuiltSite {
  const b = new SiteBuilder('local-ccg', site);
  const articles = loadSampleArticles(dir);
  const latestNews = articles.filter((a) => a.topic !== 'none').slice(0, 4);
  const epoch = instant('2012-01-01', '09:00');

  for (const a of articles) {
    const path = articlePath(a);
    b.add(path, HTML, encode(articleHtml(a, latestNews)), instant(a.updated ?? a.date, a.time));
    b.articles.push({ article: a, url: b.url(path), path });
  }

  const pages = paginate(articles, PER_PAGE);
  const at = (n: number) => (n === 1 ? '/news/default.asp' : `/news/default.asp?pg=${n}`);
  pages.forEach((chunk, i) => {
    const n = i + 1;
    const rows = chunk
      .map((a) => `<tr><td class="newsdate" width="90" valign="top">${slashDate(a.date)}</td><td class="newstitle"><a href="${articlePath(a)}">${esc(a.title)}</a><br><font size="1">${esc(a.summary)}</font></td></tr>`)
      .join('\n');
    const pager = `<tr><td colspan="2" class="pager">${n > 1 ? `<a href="${at(n - 1)}">&lt;&lt; Previous</a> | ` : ''}Page ${n} of ${pages.length}${n < pages.length ? ` | <a href="${at(n + 1)}">Next &gt;&gt;</a>` : ''}</td></tr>`;
    const content = `<font face="Arial" size="4"><b>News and press releases</b></font><br><br>
<table width="100%" border="0" cellspacing="0" cellpadding="4">
${rows}
${pager}
</table>`;
    b.add(at(n), HTML, encode(layout({ title: 'News', content, latestNews })), latest(chunk.map((a) => instant(a.date, a.time))));
  });

  const home = `<font face="Arial" size="4"><b>Welcome</b></font><br><br>The three clinical commissioning groups for Leicester, Leicestershire and Rutland plan and buy local NHS services.<br><br><a href="/news/default.asp">Read our latest news</a>`;
  b.add('/default.asp', HTML, encode(layout({ title: 'Home', content: home, latestNews })), latest(latestNews.map((a) => instant(a.date, a.time))));
  b.redirect('/', '/default.asp', 302);
  for (const [path, title] of [['/about/default.asp', 'About us'], ['/contact.asp', 'Contact us'], ['/board/default.asp', 'Board papers'], ['/accessibility.asp', 'Accessibility'], ['/foi.asp', 'Freedom of information']] as const) {
    b.add(path, HTML, encode(layout({ title, content: `<font face="Arial" size="4"><b>${title}</b></font><br><br>This page belongs to a sample site written for rollwatch tests.`, latestNews })), epoch);
  }
  b.add('/robots.txt', 'text/plain', 'User-agent: *\r\nDisallow: /admin/\r\nDisallow: /board/private/\r\n', epoch);
  return b.build();
}
