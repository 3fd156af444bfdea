// Server-rendered SVG timeline: one row per region, each report a dot coloured
// by status, with a band holding that status until the next report. Plain SVG
// needs no script, prints, and works in a file opened offline.
import { escapeHtml } from './html.ts';
import { statusColour, statusLabel } from './status-style.ts';

export interface TimelinePoint {
  /** Anchor of the fact's row in the page (without #). */
  anchor: string;
  date: string;
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
    facts.forEach((p, i) => {
      const x0 = x(p.date);
      const x1 = i + 1 < facts.length ? x(facts[i + 1].date) : LABEL_WIDTH + PLOT_WIDTH;
      if (x1 > x0) {
        out.push(
          `<rect class="band" x="${x0.toFixed(1)}" y="${cy - 5}" width="${(x1 - x0).toFixed(1)}" height="10" fill="${statusColour(p.status)}" />`,
        );
      }
    });
    for (const p of facts) {
      const tip = `${p.date} · ${region} · ${statusLabel(p.status)}\n${truncate(p.evidence, 300)}`;
      out.push(
        `<a href="#${escapeHtml(p.anchor)}"><circle cx="${x(p.date).toFixed(1)}" cy="${cy}" r="6" fill="${statusColour(p.status)}" data-status="${escapeHtml(p.status)}"><title>${escapeHtml(tip)}</title></circle></a>`,
      );
    }
  });
  out.push('</svg>');
  return out.join('\n');
}
