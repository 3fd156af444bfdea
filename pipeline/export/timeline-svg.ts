// Server-rendered SVG timeline: one row per region, each fact a mark coloured by status
// and placed when it took effect, a band holding each lifecycle status until the next one.
// Provider events (diamonds) and reviews (squares) are marked beside the bands, never as
// them. Plain SVG needs no script, prints, and works in a file opened offline.
import { escapeHtml } from './html.ts';
import { statusColour, statusLabel } from './status-style.ts';

export interface TimelinePoint {
  /** Anchor of the fact's row in the page (without #). */
  anchor: string;
  /** Where the mark sits: the last day the fact's effective date can mean (ISO day). */
  date: string;
  /** First day it can mean, when earlier ("in 2007"): drawn as a thin span up to the mark. */
  from?: string | null;
  /** lifecycle facts hold a band until the next; provider and review facts are only marked. @default 'lifecycle' */
  axis?: string;
  /** Shown in the tooltip: the effective date as written and the day reported. */
  label?: string;
  region: string;
  status: string;
  evidence: string;
}

const LABEL_WIDTH = 250;
const PLOT_WIDTH = 680;
const ROW_HEIGHT = 26;
const AXIS_HEIGHT = 28;

function dayNumber(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A fact's mark: a circle for a lifecycle status, a diamond for a provider event, a square for a review. */
function mark(p: TimelinePoint, cx: number, cy: number, region: string): string {
  const tip = `${p.label ?? p.date} · ${region} · ${statusLabel(p.status)}\n${truncate(p.evidence, 300)}`;
  const attrs = `fill="${statusColour(p.status)}" data-status="${escapeHtml(p.status)}"`;
  const title = `<title>${escapeHtml(tip)}</title>`;
  const axis = p.axis ?? 'lifecycle';
  let shape: string;
  if (axis === 'provider') {
    shape = `<polygon points="${cx.toFixed(1)},${cy - 7} ${(cx + 7).toFixed(1)},${cy} ${cx.toFixed(1)},${cy + 7} ${(cx - 7).toFixed(1)},${cy}" ${attrs}>${title}</polygon>`;
  } else if (axis === 'review') {
    shape = `<rect x="${(cx - 5.5).toFixed(1)}" y="${cy - 5.5}" width="11" height="11" ${attrs}>${title}</rect>`;
  } else {
    shape = `<circle cx="${cx.toFixed(1)}" cy="${cy}" r="6" ${attrs}>${title}</circle>`;
  }
  return `<a href="#${escapeHtml(p.anchor)}">${shape}</a>`;
}

export function timelineSvg(title: string, points: TimelinePoint[]): string {
  const dated = points.filter((p) => !Number.isNaN(dayNumber(p.date)));
  if (dated.length === 0) return '<p class="empty">No dated facts to draw.</p>';
  const years = dated.map((p) => Number(p.date.slice(0, 4)));
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years) + 1;
  const start = dayNumber(`${firstYear}-01-01`);
  const end = dayNumber(`${lastYear}-01-01`);
  const x = (iso: string) => LABEL_WIDTH + ((dayNumber(iso) - start) / (end - start)) * PLOT_WIDTH;
  const regions = [...new Set(dated.map((p) => p.region))].sort((a, b) =>
    a === 'England' ? -1 : b === 'England' ? 1 : a.localeCompare(b),
  );
  const height = AXIS_HEIGHT + regions.length * ROW_HEIGHT + 8;
  const width = LABEL_WIDTH + PLOT_WIDTH + 24; // room for the last year label
  const out: string[] = [];
  out.push(
    `<svg class="timeline" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${escapeHtml(title)}</title>`,
  );
  // Fewer labels when the span is long, so they never overlap.
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 12));
  for (let y = firstYear; y <= lastYear; y++) {
    const gx = x(`${y}-01-01`).toFixed(1);
    out.push(`<line class="grid" x1="${gx}" x2="${gx}" y1="${AXIS_HEIGHT - 6}" y2="${height - 4}" />`);
    if ((y - firstYear) % step === 0) out.push(`<text class="year" x="${gx}" y="${AXIS_HEIGHT - 10}">${y}</text>`);
  }
  regions.forEach((region, row) => {
    const cy = AXIS_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2;
    out.push(
      `<text class="region" x="${LABEL_WIDTH - 8}" y="${cy + 4}"><title>${escapeHtml(region)}</title>${escapeHtml(truncate(region, 34))}</text>`,
    );
    const facts = dated.filter((p) => p.region === region).sort((a, b) => a.date.localeCompare(b.date));
    const lifecycle = facts.filter((p) => (p.axis ?? 'lifecycle') === 'lifecycle');
    lifecycle.forEach((p, i) => {
      const x0 = x(p.date);
      const x1 = i + 1 < lifecycle.length ? x(lifecycle[i + 1].date) : LABEL_WIDTH + PLOT_WIDTH;
      if (x1 > x0) {
        out.push(
          `<rect class="band" x="${x0.toFixed(1)}" y="${cy - 5}" width="${(x1 - x0).toFixed(1)}" height="10" fill="${statusColour(p.status)}" />`,
        );
      }
    });
    for (const p of facts) {
      if (p.from && p.from < p.date && !Number.isNaN(dayNumber(p.from))) {
        const xs = Math.max(LABEL_WIDTH, x(p.from));
        out.push(`<line class="span" x1="${xs.toFixed(1)}" x2="${x(p.date).toFixed(1)}" y1="${cy}" y2="${cy}" stroke="${statusColour(p.status)}" />`);
      }
    }
    for (const p of facts) out.push(mark(p, x(p.date), cy, region));
  });
  out.push('</svg>');
  return out.join('\n');
}
