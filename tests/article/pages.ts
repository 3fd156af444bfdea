// Small hand-written pages for the article-stage tests. All text is our own.

export const STORY = [
  'Commissioners in the county have put the launch of the new urgent care phone line on hold while they review staffing levels at the call centre.',
  'The service had been due to go live across the area in the spring, but the provider told the board that it could not yet answer calls within the agreed time.',
  'A spokesperson for the commissioning group said that patient safety came first, and that a new date would be announced once testing had finished.',
  'Neighbouring areas, which switched over last year, reported longer waits during the first weeks, and the national team has asked every region to share its lessons.',
];

export function page(opts: { head?: string; before?: string; article?: string; after?: string; lang?: string } = {}): string {
  const article = opts.article ?? STORY.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="${opts.lang ?? 'en-GB'}"><head><title>Phone line paused | Health Desk</title>${opts.head ?? ''}</head>
<body>
<header class="site-header"><a href="/">Health Desk</a><nav><a href="/news">News</a> <a href="/opinion">Opinion</a> <a href="/jobs">Jobs</a></nav></header>
${opts.before ?? ''}
<main><article class="story">
<h1>Urgent care phone line launch paused</h1>
<div class="story-body">
${article}
</div>
</article></main>
${opts.after ?? ''}
<footer class="site-footer"><p>Health Desk is published by an imaginary company. All rights reserved, and some wrongs too.</p></footer>
</body></html>`;
}
