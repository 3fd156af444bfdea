// RFC 4180 CSV that is safe to double-click open in a spreadsheet.

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection"): it starts,
 * possibly after spaces, with = + - or @, or starts with a tab or carriage return.
 * Prefixing an apostrophe makes Excel, LibreOffice and Sheets show it as text.
 */
const FORMULA_START = /^(?:[\t\r]|[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted when it holds a comma, quote, CR or LF, or has edge spaces. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = neutraliseFormula(String(value));
  if (/[",\r\n]|^\s|\s$/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export interface CsvOptions {
  /** UTF-8 byte-order mark first, so Excel reads non-ASCII text (£, –, Welsh names) correctly. */
  excel?: boolean;
}

/** RFC 4180 ends every record with CRLF; the BOM is added for Excel only. */
export const CSV_EOL = '\r\n';

export function csvHeader(columns: readonly string[], options: CsvOptions = {}): string {
  return (options.excel ? '\ufeff' : '') + columns.map(csvField).join(',') + CSV_EOL;
}

export function csvRecord(row: Record<string, unknown>, columns: readonly string[]): string {
  return columns.map((c) => csvField(row[c])).join(',') + CSV_EOL;
}

/**
 * LibreOffice's CSV import options for our CSV: comma (44), double quote (34), UTF-8 (76), from line 1.
 * Calc run headless ignores the BOM and guesses the system charset, so give it these.
 */
export const LIBREOFFICE_CSV_FILTER = 'Text - txt - csv (StarCalc):44,34,76,1';
