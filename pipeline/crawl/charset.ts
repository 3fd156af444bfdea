// Bytes → text for HTML pages: BOM, then the Content-Type header, then <meta>, then a guess,
// following the WHATWG encoding rules where they matter for real sites.
import iconv from 'iconv-lite';

/** WHATWG maps these labels to windows-1252: sites that say Latin-1 mean cp1252 (curly quotes, €). */
const WINDOWS_1252_LABELS = new Set([
  'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1',
  'windows-1252', 'cp1252', 'x-cp1252',
]);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
/** How far into the document to look for <meta charset> (WHATWG prescan uses 1024; real pages put comments first). */
const META_SCAN_BYTES = 4096;

/** Normalise a charset label to a name iconv-lite knows, or null when unknown. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  if (UTF8_LABELS.has(l)) return 'utf-8';
  if (WINDOWS_1252_LABELS.has(l)) return 'windows-1252';
  // A page cannot really be UTF-16 if its <meta> was readable as ASCII; WHATWG treats it as UTF-8.
  if (l.startsWith('utf-16')) return 'utf-16';
  return iconv.encodingExists(l) ? l : null;
}

export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m ? normaliseCharset(m[2]) : null;
}

function charsetFromBom(body: Buffer): { charset: string; skip: number } | null {
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  return null;
}

export function charsetFromMeta(body: Buffer): string | null {
  const head = body.subarray(0, META_SCAN_BYTES).toString('latin1');
  // Feeds declare theirs in the XML declaration.
  const xmlDecl = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xmlDecl) {
    const cs = normaliseCharset(xmlDecl[1]);
    if (cs && cs !== 'utf-16') return cs;
  }
  const metaTags = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const tag of metaTags) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct && !/http-equiv/i.test(tag)) {
      const cs = normaliseCharset(direct[1]);
      if (cs) return cs === 'utf-16' ? 'utf-8' : cs;
    }
    if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const value = content ? (content[2] ?? content[3] ?? content[4] ?? '') : '';
      const cs = charsetFromContentType(value);
      if (cs) return cs === 'utf-16' ? 'utf-8' : cs;
    }
  }
  return null;
}

/** How much of a body reads as UTF-8: well-formed multi-byte sequences, and bytes that fit no sequence. */
interface Utf8Evidence {
  sequences: number;
  invalid: number;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function utf8Evidence(body: Buffer): Utf8Evidence {
  let valid = true;
  try {
    fatalUtf8.decode(body);
  } catch {
    valid = false;
  }
  let sequences = 0;
  let invalid = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b < 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= body.length;
    for (let k = 1; ok && k < length; k++) ok = (body[i + k]! & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += length - 1;
    } else invalid++;
    // A valid body only needs its sequences counted up to "some": the decision needs no exact figure.
    if (valid && sequences > 0) break;
  }
  return { sequences, invalid: valid ? 0 : Math.max(invalid, 1) };
}

/** UTF-8 with a few damaged bytes: its sequences outnumber its stray bytes `factor` times. */
const isMostlyUtf8 = (e: Utf8Evidence, factor: number) => e.sequences > 0 && e.sequences >= e.invalid * factor;

/**
 * Picks the charset of an HTML body. Declarations the bytes plainly contradict are overruled:
 * well-formed multi-byte UTF-8 almost never arises from text in another encoding, so a page
 * whose high bytes form UTF-8 sequences is read as UTF-8 whatever it declares (servers label
 * UTF-8 pages Latin-1 or Shift_JIS by default); a "UTF-8" page with a few broken bytes stays
 * UTF-8 (a replacement character at those bytes), and one with no UTF-8 sequence at all is
 * a windows-1252 page mislabelled.
 */
export function detectCharset(body: Buffer, contentType: string | null): string {
  const bom = charsetFromBom(body);
  if (bom) return bom.charset;
  let declared = charsetFromContentType(contentType);
  if (declared === 'utf-16') declared = null; // no BOM: the header is wrong
  declared ??= charsetFromMeta(body);
  const evidence = utf8Evidence(body);
  if (declared === null || declared === 'utf-8') {
    return evidence.invalid === 0 || isMostlyUtf8(evidence, 1) ? 'utf-8' : 'windows-1252';
  }
  // Another encoding declared: UTF-8 needs clean bytes, or stray bytes a tenth as many as its sequences.
  return isMostlyUtf8(evidence, 10) ? 'utf-8' : declared;
}

/** Decodes an HTML body to text (the BOM is dropped). */
export function decodeHtml(body: Buffer, contentType: string | null): string {
  const charset = detectCharset(body, contentType);
  const bom = charsetFromBom(body);
  const bytes = bom && bom.charset === charset ? body.subarray(bom.skip) : body;
  // NUL is no character of any text, and DuckDB refuses it inside strings: dropped.
  const text = charset === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, charset);
  return text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;
}
