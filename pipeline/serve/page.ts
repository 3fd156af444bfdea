// The browse page: static HTML, CSS and script. The script builds the table
// with textContent only, so no scraped text is ever parsed as HTML.
import { STATUS_COLOURS } from '../export/status-style.ts';

export const PAGE_HTML = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rollwatch: browse facts</title>
<link rel="stylesheet" href="/app.css">
<script type="module" src="/app.js"></script>
</head><body>
<header><h1>rollwatch</h1><p>NHS service rollout facts, each beside the sentence and source it came from.</p></header>
<form id="filters" aria-label="Filter facts">
  <label>Service <select name="service"><option value="">any</option></select></label>
  <label>Region <select name="region"><option value="">any</option></select></label>
  <label>Provider <select name="provider"><option value="">any</option></select></label>
  <label>Status <select name="status"><option value="">any</option></select></label>
  <label>Source <select name="source"><option value="">any</option></select></label>
  <label>Reported since <input type="date" name="since"></label>
  <label>until <input type="date" name="until"></label>
  <button type="reset">Clear</button>
  <a id="download" href="/export.csv" download>Download CSV</a>
</form>
<p id="summary" role="status" aria-live="polite">Loading…</p>
<section id="status" aria-labelledby="status-heading"><h2 id="status-heading">Current status</h2>
<p class="muted">The latest lifecycle status of each service in each area, with the provider running it and any open review beside it (a provider change or a review is never the status itself).</p>
<div class="table-wrap"><table id="current"><thead><tr><th>service</th><th>region</th><th>status</th><th>since</th><th>provider</th><th>review</th></tr></thead><tbody></tbody></table></div></section>
<h2>Facts</h2>
<main>
  <div class="table-wrap"><table id="facts"><thead><tr><th>took effect</th><th>reported</th><th>service</th><th>region</th><th>status</th><th>provider</th><th>target</th><th>evidence</th><th>source</th></tr></thead><tbody></tbody></table></div>
  <aside id="detail" hidden></aside>
</main>
</body></html>
`;

export const PAGE_CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:0 1.2rem 2rem;color:#1d1d1d}
header h1{margin:.6rem 0 0;color:#005EB8}header p{margin:.1rem 0 .8rem;color:#555}
form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;background:#f3f5f8;padding:.6rem .8rem;border-radius:.4rem}
label{display:flex;flex-direction:column;font-size:.85em;color:#333}select,input{font:inherit;max-width:16rem}
#download{margin-left:auto;padding:.35rem .8rem;background:#005EB8;color:#fff;border-radius:.3rem;text-decoration:none}
main{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:1rem;align-items:start}table{border-collapse:collapse;width:100%}.table-wrap{overflow-x:auto;min-width:0}
th,td{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top}th{background:#fafafa;position:sticky;top:0}
tbody tr{cursor:pointer}tbody tr:hover{background:#f5f9ff}tbody tr[aria-selected=true]{background:#fff3c4}
td.date{white-space:nowrap}.status{display:inline-block;padding:0 .45rem;border-radius:.7rem;color:#fff;font-size:.85em;white-space:nowrap}
aside{width:26rem;box-sizing:border-box;overflow-wrap:anywhere;position:sticky;top:.5rem;border:1px solid #ccd;border-radius:.4rem;padding:.6rem .9rem;background:#fff;max-height:92vh;overflow:auto}
mark{background:#ffe27a}blockquote{margin:.5rem 0;padding:.1rem .7rem;border-left:4px solid #005EB8}.muted{color:#666}
#summary.error{color:#b00020}h2{font-size:1.15rem;margin:1rem 0 .3rem}#status{margin-bottom:.6rem}#current tbody tr{cursor:default}`;

export const PAGE_JS = `
const STATUS_COLOURS = ${JSON.stringify(STATUS_COLOURS)};
const form = document.getElementById('filters');
const tbody = document.querySelector('#facts tbody');
const summary = document.getElementById('summary');
const detail = document.getElementById('detail');
const download = document.getElementById('download');
const FILTERS = ['service', 'region', 'provider', 'status', 'source', 'since', 'until'];

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}
function statusChip(status) {
  const chip = el('span', status.replace(/_/g, ' '), { class: 'status', 'data-status': status });
  chip.style.background = STATUS_COLOURS[status] || '#aaa';
  return chip;
}
function safeLink(url, text) {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      return el('a', text || url, { href: u.href, rel: 'noopener noreferrer', target: '_blank' });
    }
  } catch {}
  return el('span', text || url);
}
function currentParams() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value;
    if (value) params.set(name, value);
  }
  return params;
}
async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}
async function loadFacets() {
  const facets = await getJson('/api/facets');
  const lists = { service: facets.services, region: facets.regions, provider: facets.providers, status: facets.statuses, source: facets.sources };
  for (const [name, values] of Object.entries(lists)) {
    const select = form.elements[name];
    for (const v of values) select.append(el('option', name === 'status' ? v.replace(/_/g, ' ') : v, { value: v }));
  }
}
function providerText(r) {
  if (r.provider_status === 'withdrawn') return 'none: ' + r.provider_named + ' withdrew (' + (r.provider_effective || 'undated') + ')';
  if (r.provider_status === 'named') return r.provider + ' (named ' + (r.provider_effective || 'undated') + ')';
  if (r.provider_status === 'appointed') return r.provider + ' (appointed ' + (r.provider_effective || 'undated') + ')';
  return '';
}
function renderCurrent(rows) {
  const body = document.querySelector('#current tbody');
  body.replaceChildren();
  for (const r of rows) {
    const tr = el('tr');
    tr.append(el('td', r.service), el('td', r.region));
    const status = el('td');
    if (r.status) status.append(statusChip(r.status));
    else status.append(el('span', 'no status reported', { class: 'muted' }));
    tr.append(status, el('td', r.effective || '', { class: 'date' }), el('td', providerText(r)));
    tr.append(el('td', r.review_open ? 'open since ' + (r.review_effective || 'undated') : ''));
    body.append(tr);
  }
}
let generation = 0;
async function loadFacts() {
  const params = currentParams();
  const query = params.toString();
  history.replaceState(null, '', query ? '?' + query : location.pathname);
  download.href = '/export.csv' + (query ? '?' + query : '');
  const mine = ++generation;
  try {
    const [data, current] = await Promise.all([
      getJson('/api/facts' + (query ? '?' + query : '')),
      getJson('/api/current' + (query ? '?' + query : '')),
    ]);
    if (mine !== generation) return;
    renderCurrent(current.rows);
    tbody.replaceChildren();
    for (const row of data.rows) {
      const tr = el('tr', null, { 'data-event-id': row.event_id, tabindex: '0' });
      tr.append(el('td', row.effective || 'undated', { class: 'date' }), el('td', row.date || 'undated', { class: 'date' }), el('td', row.service), el('td', row.region));
      const status = el('td'); status.append(statusChip(row.status)); tr.append(status);
      tr.append(el('td', row.provider), el('td', row.target), el('td', row.evidence, { class: 'evidence' }));
      const source = el('td'); source.append(safeLink(row.url, row.title || row.url)); tr.append(source);
      tr.addEventListener('click', () => showDetail(row.event_id, tr));
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') showDetail(row.event_id, tr); });
      tbody.append(tr);
    }
    summary.className = '';
    summary.textContent = data.total === data.rows.length
      ? data.total + (data.total === 1 ? ' fact' : ' facts')
      : data.total + ' facts (first ' + data.rows.length + ' shown; the CSV has all)';
  } catch (err) {
    if (mine !== generation) return;
    tbody.replaceChildren();
    summary.className = 'error';
    summary.textContent = err.message;
  }
}
async function showDetail(eventId, tr) {
  for (const other of tbody.querySelectorAll('tr[aria-selected]')) other.removeAttribute('aria-selected');
  tr.setAttribute('aria-selected', 'true');
  const data = await getJson('/api/facts/' + encodeURIComponent(eventId));
  const f = data.fact;
  detail.replaceChildren();
  const heading = el('h2'); heading.append(safeLink(f.url, f.title || f.url)); detail.append(heading);
  const meta = el('p', null, { class: 'muted' });
  meta.append((data.published || 'undated') + ' · ' + f.source + ' · ' + f.service + ' · ' + f.region + ' ', statusChip(f.status));
  detail.append(meta);
  detail.append(el('h3', 'Evidence'));
  const para = el('p', null, { class: 'context' });
  if (data.paragraph) para.append(data.paragraph.before, el('mark', data.paragraph.evidence), data.paragraph.after);
  else para.append(el('mark', f.evidence));
  detail.append(para);
  if (f.provider || f.target) detail.append(el('p', [f.provider && 'Provider: ' + f.provider, f.target && 'Target: ' + f.target].filter(Boolean).join(' · ')));
  detail.append(el('h3', data.quotes.length ? 'Quotes in this article' : 'No quotes in this article'));
  for (const q of data.quotes) {
    const block = el('blockquote');
    block.append(el('p', '“' + q.text + '”'), el('footer', '— ' + ([q.speaker, q.speaker_role].filter(Boolean).join(', ') || 'unattributed')));
    detail.append(block);
  }
  detail.hidden = false;
}
form.addEventListener('change', loadFacts);
form.addEventListener('reset', () => setTimeout(loadFacts, 0));
form.addEventListener('submit', (e) => { e.preventDefault(); loadFacts(); });
await loadFacets();
const initial = new URLSearchParams(location.search);
for (const name of FILTERS) if (initial.get(name)) form.elements[name].value = initial.get(name);
await loadFacts();
`;
