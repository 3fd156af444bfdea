// Small statistics and formatting helpers for the bench table.

export function median(values: number[]): number {
  if (!values.length) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Three significant figures, thousands grouped: 1,234 / 12.3 / 0.0456. */
export function fmt(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-GB');
  return Number(value.toPrecision(digits)).toString();
}

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // Text columns (mostly non-numeric) align left, figures right.
  const textual = headers.map((_, i) => rows.filter((r) => /[a-z]{3}/i.test(r[i] ?? '') && !/\d/.test(r[i] ?? '')).length > rows.length / 2);
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || textual[i] ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
