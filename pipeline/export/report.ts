// `rollwatch report`: one self-contained HTML file (no script, no CDN, inline
// CSS and SVG) with a timeline per service, the current status table, every
// fact beside its evidence and source link, and the quotes.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../load/db.ts';
import { FACTS_SQL, QUOTES_SQL } from '../load/views.ts';
import { queryCurrent, type CurrentRow } from './current.ts';
import { queryFacts, type FactRow } from './facts.ts';
import type { FactFilters } from './filters.ts';
import { escapeHtml, sourceLink } from './html.ts';
import { STATUS_COLOURS, statusColour, statusLabel } from './status-style.ts';
import { timelineSvg } from './timeline-svg.ts';

interface QuoteRow {
  reported_on: string | null;
  speaker: string | null;
  speaker_role: string | null;
  quote: string;
  title: string | null;
  url: string;
  services: string | null;
}

// The views' SQL with v_events as a CTE, so the report also works on files
// opened read-only that were written before the views were installed.
const withFacts = (sql: string) => `WITH v_events AS (${FACTS_SQL}) ${sql}`;

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#1d1d1d}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #005EB8;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1.2rem}th,td{border-bottom:1px solid #ddd;padding:.35rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f5f8;position:sticky;top:0}td.date{white-space:nowrap}
.status{display:inline-block;padding:0 .45rem;border-radius:.7rem;color:#fff;font-size:.85em;white-space:nowrap}
.evidence{max-width:38rem}.quote{display:block;margin-top:.3rem;color:#444;font-style:italic}
.legend span{margin-right:.8rem;white-space:nowrap}.legend i{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:.25rem;vertical-align:middle}
svg.timeline{max-width:100%;height:auto;font-size:12px}svg .grid{stroke:#ddd}svg .year{fill:#555;text-anchor:middle}
svg .region{fill:#222;text-anchor:end}svg .band{opacity:.35}svg circle,svg polygon,svg rect:not(.band){stroke:#fff;stroke-width:1.5}svg line.span{stroke-width:3;opacity:.6}
tr:target{background:#fff6d5}.note{background:#fff6d5;padding:.3rem .6rem}.muted{color:#666}blockquote{margin:.8rem 0;padding:.2rem .9rem;border-left:4px solid #005EB8}
@media print{th{position:static}}`;

/**
 * A report is read by a person: past this many facts for one service it shows
 * only the facts that change a region's status, and past it again the most
 * recent changes. The note says so; the CSV export and the browse page have all.
 */
export const REPORT_FACTS_PER_SERVICE = 2000;
export const REPORT_QUOTES = 1000;

/** Facts that change a region's status, in time order (the first per region included). */
function statusChanges(rows: FactRow[]): FactRow[] {
  const last = new Map<string, string>();
  return rows.filter((r) => {
    const changed = last.get(r.region) !== r.status;
    last.set(r.region, r.status);
    return changed;
  });
}

function shownFacts(rows: FactRow[]): { shown: FactRow[]; note: string | null } {
  if (rows.length <= REPORT_FACTS_PER_SERVICE) return { shown: rows, note: null };
  const changes = statusChanges(rows);
  const shown = changes.slice(-REPORT_FACTS_PER_SERVICE);
  const what = shown.length < changes.length ? `the latest ${shown.length} of ${changes.length} status changes` : `the ${shown.length} status changes`;
  return { shown, note: `${rows.length} facts: showing ${what}. Export the CSV or run \`rollwatch serve\` for every fact.` };
}

/** Facts in the order they took effect (the views' order), then as reported. */
function inEffectOrder(rows: FactRow[]): FactRow[] {
  const key = (r: FactRow) => `${r.effective_end ?? r.date ?? '9999'}|${r.effective_start ?? ''}|${r.date ?? '9999'}`;
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

function statusChip(status: string): string {
  return `<span class="status" style="background:${statusColour(status)}">${escapeHtml(statusLabel(status))}</span>`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'service';
}

function legend(): string {
  const items = Object.entries(STATUS_COLOURS).map(
    ([status, colour]) => `<span><i style="background:${colour}"></i>${escapeHtml(statusLabel(status))}</span>`,
  );
  return `<p class="legend">${items.join('')}<span class="muted">● lifecycle status (its band holds until the next) · ◆ provider event · ■ review · a thin line: the span a coarse date (“in 2007”) can mean</span></p>`;
}

function factRow(row: FactRow, anchor: string): string {
  const quote = row.quote
    ? `<span class="quote">“${escapeHtml(row.quote)}”${row.speaker ? ` — ${escapeHtml(row.speaker)}` : ''}</span>`
    : '';
  return `<tr id="${anchor}"><td class="date">${escapeHtml(row.effective ?? 'undated')}</td><td class="date">${escapeHtml(row.date ?? 'undated')}</td><td>${escapeHtml(row.region)}</td><td>${statusChip(row.status)}</td><td>${escapeHtml(row.provider)}</td><td>${escapeHtml(row.target)}</td><td class="evidence">${escapeHtml(row.evidence)}${quote}</td><td>${sourceLink(row.url, row.title ?? row.url)}<br><span class="muted">${escapeHtml(row.source)}</span></td></tr>`;
}

function factLink(anchors: Map<string, string>, eventId: string | null, text: string | null): string {
  const anchor = eventId ? anchors.get(eventId) : undefined;
  return anchor ? `<a href="#${anchor}">${escapeHtml(text ?? 'undated')}</a>` : escapeHtml(text ?? 'undated');
}

/** The provider beside a status: who runs it now, or who withdrew and when. */
function providerCell(r: CurrentRow, anchors: Map<string, string>): string {
  if (!r.provider_status) return '';
  const when = factLink(anchors, r.provider_event_id, r.provider_effective);
  if (r.provider_status === 'withdrawn') return `none: ${escapeHtml(r.provider_named)} withdrew (${when})`;
  if (r.provider_status === 'named') return `${escapeHtml(r.provider)} <span class="muted">(named ${when})</span>`;
  return `${escapeHtml(r.provider)} <span class="muted">(appointed ${when})</span>`;
}

function currentRow(r: CurrentRow, anchors: Map<string, string>): string {
  const status = r.status ? statusChip(r.status) : '<span class="muted">no status reported</span>';
  const review = r.review_open ? `open since ${factLink(anchors, r.review_event_id, r.review_effective)}` : '';
  const source = r.url ? sourceLink(r.url, r.title ?? r.url) : '';
  return `<tr><td>${escapeHtml(r.service)}</td><td>${escapeHtml(r.region)}</td><td>${status}</td><td class="date">${r.event_id ? factLink(anchors, r.event_id, r.effective) : ''}</td><td>${providerCell(r, anchors)}</td><td>${review}</td><td>${escapeHtml(r.target)}</td><td class="evidence">${escapeHtml(r.evidence)}</td><td>${source}</td></tr>`;
}

export async function renderReport(db: Database, filters: FactFilters = {}): Promise<string> {
  const facts = await queryFacts(db, filters);
  const anchors = new Map(facts.map((f, i) => [f.event_id, `fact-${i + 1}`]));
  const current = await queryCurrent(db, filters, facts);
  const docs = new Set(facts.map((f) => f.doc_id));
  const quotes = (
    await db.query<QuoteRow & { doc_id: string }>(
      withFacts(`SELECT *, array_to_string(services, ', ') AS services FROM (${QUOTES_SQL}) ORDER BY reported_on, doc_id, char_start`),
    )
  ).filter((q) => docs.has(q.doc_id));
  const services = [...new Set(facts.map((f) => f.service))].sort();
  const dates = facts.map((f) => f.date).filter((d): d is string => d !== null);

  const html: string[] = [];
  html.push(
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network: the report must open the same offline, from an e-mail or a CI artifact.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<title>rollwatch: NHS service rollouts</title>',
    `<style>${CSS}</style></head><body>`,
    '<h1>NHS service rollouts</h1>',
    `<p class="muted">${facts.length} facts about ${services.length} services from ${docs.size} articles${dates.length ? `, reported ${escapeHtml(dates[0])} to ${escapeHtml(dates[dates.length - 1])}` : ''}. Each fact is placed when it took effect (the date its sentence gives, such as "went live in 2007", else the day its article was published); both dates are in its row. Follow any mark or row to the sentence it rests on and its source.</p>`,
  );
  if (services.length > 1) {
    html.push(
      `<nav><strong>Services:</strong> ${services.map((s) => `<a href="#service-${slug(s)}">${escapeHtml(s)}</a>`).join(' · ')} · <a href="#quotes">Quotes</a></nav>`,
    );
  }
  html.push('<h2 id="current">Current status</h2>');
  html.push(
    '<p class="muted">The latest lifecycle status of each service in each area (planned, live, delayed, paused, resumed, cancelled), with the provider running it and any open review beside it: a provider change or a review is never the status itself.</p>',
  );
  if (current.length === 0) html.push('<p class="empty">No facts match.</p>');
  else {
    html.push(
      '<table><thead><tr><th>service</th><th>region</th><th>status</th><th>since</th><th>provider</th><th>review</th><th>target</th><th>evidence</th><th>source</th></tr></thead><tbody>',
    );
    for (const r of current) html.push(currentRow(r, anchors));
    html.push('</tbody></table>');
  }

  for (const service of services) {
    const { shown: rows, note } = shownFacts(facts.filter((f) => f.service === service));
    html.push(`<h2 id="service-${slug(service)}">${escapeHtml(service)}: timeline</h2>`, legend());
    if (note) html.push(`<p class="note">${escapeHtml(note)}</p>`);
    html.push(
      timelineSvg(
        `${service}: status reports by region over time`,
        rows
          .filter((r) => (r.effective_end ?? r.date) !== null)
          .map((r) => ({
            anchor: anchors.get(r.event_id) ?? '',
            date: (r.effective_end ?? r.date) as string,
            from: r.effective_start,
            axis: r.axis,
            label: `took effect ${r.effective ?? r.date}, reported ${r.date ?? 'undated'}`,
            region: r.region,
            status: r.status,
            evidence: r.evidence,
          })),
      ),
    );
    html.push(
      '<table><thead><tr><th>took effect</th><th>reported</th><th>region</th><th>status</th><th>provider</th><th>target</th><th>evidence</th><th>source</th></tr></thead><tbody>',
    );
    for (const r of inEffectOrder(rows)) html.push(factRow(r, anchors.get(r.event_id) ?? ''));
    html.push('</tbody></table>');
  }

  html.push('<h2 id="quotes">Quotes</h2>');
  if (quotes.length === 0) html.push('<p class="empty">No quotes.</p>');
  if (quotes.length > REPORT_QUOTES) {
    html.push(`<p class="note">${quotes.length} quotes: showing the latest ${REPORT_QUOTES}.</p>`);
  }
  for (const q of quotes.slice(-REPORT_QUOTES)) {
    const who = [q.speaker, q.speaker_role].filter(Boolean).map(escapeHtml).join(', ') || 'unattributed';
    html.push(
      `<blockquote><p>“${escapeHtml(q.quote)}”</p><footer>— ${who}; ${escapeHtml(q.reported_on ?? 'undated')}, ${sourceLink(q.url, q.title ?? q.url)}${q.services ? ` <span class="muted">(${escapeHtml(q.services)})</span>` : ''}</footer></blockquote>`,
    );
  }
  html.push('<p class="muted">Generated by rollwatch from its DuckDB file. Statuses and dates are extracted automatically: check the linked source before publishing.</p>');
  html.push('</body></html>');
  return html.join('\n');
}

export async function writeReport(db: Database, outputPath: string, filters: FactFilters = {}): Promise<void> {
  const html = await renderReport(db, filters);
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(`${outputPath}.partial`, html);
  renameSync(`${outputPath}.partial`, outputPath);
}
