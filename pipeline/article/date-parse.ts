// Date strings as pages write them → ISO days. Pure and clock-free: a date is
// plausible when it lies between 1990 and 2100 and is a real calendar day.

export type DateOrder = 'dmy' | 'mdy';

/** Month names and abbreviations, English, German, French, Spanish, Italian, Dutch, Portuguese, Russian, Ukrainian, Romanian (lower case, no dots). */
const MONTH_NAMES: Record<string, number> = {};
const MONTH_LISTS: string[][] = [
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  ['jänner', 'feber', 'maerz', 'apr', 'mai', 'jun', 'jul', 'aug', 'sept', 'okt', 'nov', 'dez'],
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'aout', 'sept', 'oct', 'nov', 'déc'],
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'setiembre', 'oct', 'nov', 'dic'],
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
  // Russian and Ukrainian write the day before the month in the genitive ("15 августа 2016").
  ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  ['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'],
  ['sept', 'febr', 'sept', 'marz', 'fevr', 'fevrier', 'aout', 'decembre', 'marco', 'dec'],
];
for (const list of MONTH_LISTS.slice(0, -1)) list.forEach((name, i) => (MONTH_NAMES[name] ??= i + 1));
Object.assign(MONTH_NAMES, { sept: 9, febr: 2, marz: 3, fevr: 2, fevrier: 2, aout: 8, decembre: 12, marco: 3 });

const MONTH_ALT = Object.keys(MONTH_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|');

export function monthNumber(name: string): number | null {
  return MONTH_NAMES[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

export function isoDay(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

const ISO = /(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const COMPACT = /^((?:19|20)\d{2})(\d{2})(\d{2})(?:T|\d|$)/;
// "3 March 2019", "3. März 2019", "3 de marzo de 2019", "le 3 mars 2019", "3rd of March, 2019"
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|er|º|°)?\\.?\\s*(?:de\\s+|of\\s+)?(${MONTH_ALT})\\.?,?\\s*(?:de\\s+|del\\s+)?((?:19|20)\\d{2})(?!\\d)`,
  'iu',
);
// "March 3, 2019", "Mar. 3rd 2019"
const MONTH_DAY_YEAR = new RegExp(
  `(?<![\\p{L}])(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})(?!\\d)`,
  'iu',
);
const NUMERIC = /(?<![\d.\/-])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)?\d{2})(?![\d\/-]|\.\d)/;

export interface ParsedDate {
  iso: string;
  /** The part of the input the date was read from. */
  raw: string;
  index: number;
}

/** The first date in `text`, in any supported writing; `order` settles 01/02/2019. */
export function parseDate(text: string, order: DateOrder = 'dmy'): ParsedDate | null {
  const s = text;
  const compact = COMPACT.exec(s.trim());
  if (compact) {
    const iso = isoDay(+compact[1], +compact[2], +compact[3]);
    if (iso) return { iso, raw: s.trim().slice(0, 8), index: s.indexOf(compact[1]) };
  }
  const candidates: ParsedDate[] = [];
  const iso = ISO.exec(s);
  if (iso) {
    const day = isoDay(+iso[1], +iso[2], +iso[3]);
    if (day) candidates.push({ iso: day, raw: iso[0], index: iso.index });
  }
  const dmy = DAY_MONTH_YEAR.exec(s);
  if (dmy) {
    const m = monthNumber(dmy[2]);
    const day = m ? isoDay(+dmy[3], m, +dmy[1]) : null;
    if (day) candidates.push({ iso: day, raw: dmy[0], index: dmy.index });
  }
  const mdy = MONTH_DAY_YEAR.exec(s);
  if (mdy) {
    const m = monthNumber(mdy[1]);
    const day = m ? isoDay(+mdy[3], m, +mdy[2]) : null;
    if (day) candidates.push({ iso: day, raw: mdy[0], index: mdy.index });
  }
  const num = NUMERIC.exec(s);
  if (num) {
    const a = +num[1];
    const b = +num[3];
    const y = fullYear(num[4]);
    // Day-first unless the site says otherwise, but a number over 12 can only be a day.
    const monthFirst = (order === 'mdy' && b <= 31 && a <= 12) || (a <= 12 && b > 12);
    const day = monthFirst ? isoDay(y, a, b) : isoDay(y, b, a);
    if (day && (num[4].length === 4 || num[2] !== '-')) candidates.push({ iso: day, raw: num[0], index: num.index });
  }
  if (candidates.length === 0) return null;
  candidates.sort((x, y) => x.index - y.index);
  return candidates[0];
}

/** Every date in a longer text, in order (for visible bylines and body text). */
export function findDates(text: string, order: DateOrder = 'dmy', limit = 50): ParsedDate[] {
  const out: ParsedDate[] = [];
  let offset = 0;
  while (offset < text.length && out.length < limit) {
    const found = parseDate(text.slice(offset), order);
    if (!found) break;
    out.push({ ...found, index: offset + found.index });
    offset += found.index + Math.max(found.raw.length, 1);
  }
  return out;
}
