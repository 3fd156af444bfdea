// The chart a reader looks at before reading: facts by status over time, one stacked bar per
// year (per quarter when the facts span four years or less), coloured as everywhere else.
// Plain SVG: no script, prints, works in a file opened offline.
import { escapeHtml } from './html.ts';
import { STATUS_COLOURS, statusColour, statusLabel } from './status-style.ts';

export interface ChartFact {
  /** ISO day the fact is placed on (when it took effect). */
  day: string;
  status: string;
}

const WIDTH = 940;
const HEIGHT = 230;
const LEFT = 40;
const BOTTOM = 26;
const TOP = 10;

/** The bucket a day falls in: "2013" or "2013 Q2". */
function bucketOf(day: string, quarters: boolean): string {
  const year = day.slice(0, 4);
  return quarters ? `${year} Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}` : year;
}

function buckets(first: number, last: number, quarters: boolean): string[] {
  const out: string[] = [];
  for (let y = first; y <= last; y++) {
    if (quarters) for (let q = 1; q <= 4; q++) out.push(`${y} Q${q}`);
    else out.push(String(y));
  }
  return out;
}

export function statusChartSvg(facts: ChartFact[]): string {
  const dated = facts.filter((f) => /^\d{4}-\d{2}-\d{2}$/.test(f.day));
  if (!dated.length) return '<p class="empty">No dated facts to chart.</p>';
  const years = dated.map((f) => Number(f.day.slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const quarters = last - first < 4;
  const labels = buckets(first, last, quarters);
  const counts = new Map<string, Map<string, number>>(labels.map((b) => [b, new Map()]));
  for (const f of dated) {
    const cell = counts.get(bucketOf(f.day, quarters))!;
    cell.set(f.status, (cell.get(f.status) ?? 0) + 1);
  }
  const most = Math.max(...[...counts.values()].map((c) => [...c.values()].reduce((a, b) => a + b, 0)));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / labels.length;
  const bar = Math.max(2, slot * 0.75);
  const out = [
    `<svg class="status-chart" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>Facts by status, ${quarters ? 'per quarter' : 'per year'}, placed when they took effect</title>`,
    `<text class="axis" x="${LEFT - 6}" y="${TOP + 10}" text-anchor="end">${most}</text>`,
    `<line class="grid" x1="${LEFT}" x2="${WIDTH}" y1="${HEIGHT - BOTTOM}" y2="${HEIGHT - BOTTOM}" />`,
  ];
  const order = Object.keys(STATUS_COLOURS);
  const labelEvery = Math.max(1, Math.ceil(labels.length / 16));
  labels.forEach((label, i) => {
    const x = LEFT + i * slot + (slot - bar) / 2;
    let y = HEIGHT - BOTTOM;
    const cell = counts.get(label)!;
    for (const status of [...cell.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b))) {
      const n = cell.get(status)!;
      const h = (n / most) * plotHeight;
      y -= h;
      out.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${statusColour(status)}" data-status="${escapeHtml(status)}" data-count="${n}"><title>${escapeHtml(`${label}: ${n} ${statusLabel(status)}`)}</title></rect>`,
      );
    }
    if (i % labelEvery === 0) out.push(`<text class="axis" x="${(x + bar / 2).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle">${escapeHtml(quarters && !label.endsWith('Q1') ? label.slice(5) : label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
