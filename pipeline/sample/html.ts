// Small helpers shared by the sample-site templates: escaping and the date styles real
// sites print. Deterministic: every date comes from the article files, never the clock.

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Article text may hold `[label](/path)` links; render them as anchors, escape the rest. */
export function inline(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)) {
    out += esc(text.slice(last, m.index));
    out += `<a href="${esc(m[2])}">${esc(m[1])}</a>`;
    last = m.index! + m[0].length;
  }
  return out + esc(text.slice(last));
}

/** The text a reader sees once `[label](href)` links are rendered. */
export function plain(text: string): string {
  return text.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

/** "21 May 2013" (UK trade press). */
export function dayMonthYear(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "21/05/2013" (local NHS bodies). */
export function slashDate(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** "Tuesday 21 May 2013". */
export function longDate(iso: string): string {
  const { y, m, d } = parts(iso);
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${DAYS[dow]} ${d} ${MONTHS[m - 1]} ${y}`;
}

function lastSunday(year: number, month0: number): number {
  const last = new Date(Date.UTC(year, month0 + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** UK civil time offset for a day: BST (+01:00) from the last Sunday of March to the last Sunday of October. */
export function ukOffset(iso: string): '+00:00' | '+01:00' {
  const { y, m, d } = parts(iso);
  const start = Date.UTC(y, 2, lastSunday(y, 2));
  const end = Date.UTC(y, 9, lastSunday(y, 9));
  const t = Date.UTC(y, m - 1, d);
  return t >= start && t < end ? '+01:00' : '+00:00';
}

/** ISO 8601 with the UK offset, as WordPress writes it in JSON-LD: 2013-05-21T10:42:00+01:00. */
export function isoLocal(iso: string, time: string): string {
  return `${iso}T${time}:00${ukOffset(iso)}`;
}

/** The instant of a UK local day and time. */
export function instant(iso: string, time: string): Date {
  return new Date(isoLocal(iso, time));
}

/** RFC 822 date for RSS, e.g. "Tue, 21 May 2013 09:42:00 GMT". */
export function rfc822(iso: string, time: string): string {
  return instant(iso, time).toUTCString();
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’'“”"]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
