// Bytes → text for HTML pages: BOM, then the Content-Type header, then <meta>, then a guess,
// following the WHATWG encoding rules where they matter for real sites.
import iconv from 'iconv-lite';

/** WHATWG maps these labels to windows-1252: sites that say Latin-1 mean cp1252 (curly quotes, €). */
const WINDOWS_1252_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1', 'windows-1252', 'cp1252', 'x-cp1252']);
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

function isValidUtf8(body: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(body: Buffer): boolean {
  for (const byte of body) if (byte >= 0x80) return true;
  return false;
}

/**
 * Picks the charset of an HTML body. Declarations that the bytes plainly contradict are
 * overruled: a "UTF-8" page that is not valid UTF-8 is read as windows-1252, and a "Latin-1"
 * page whose high bytes form valid UTF-8 sequences is read as UTF-8 (a common server default
 * mislabelling UTF-8 pages). Valid multi-byte UTF-8 is very unlikely to arise from cp1252 text.
 */
export function detectCharset(body: Buffer, contentType: string | null): string {
  const bom = charsetFromBom(body);
  if (bom) return bom.charset;
  let declared = charsetFromContentType(contentType);
  if (declared === 'utf-16') declared = null; // no BOM: the header is wrong
  declared ??= charsetFromMeta(body);
  if (declared === 'utf-8') return isValidUtf8(body) ? 'utf-8' : 'windows-1252';
  if (declared === 'windows-1252') return hasNonAscii(body) && isValidUtf8(body) ? 'utf-8' : 'windows-1252';
  if (declared) return declared;
  return isValidUtf8(body) ? 'utf-8' : 'windows-1252';
}

/** Decodes an HTML body to text (the BOM is dropped). */
export function decodeHtml(body: Buffer, contentType: string | null): string {
  const charset = detectCharset(body, contentType);
  const bom = charsetFromBom(body);
  const bytes = bom && bom.charset === charset ? body.subarray(bom.skip) : body;
  if (charset === 'utf-8') return bytes.toString('utf8');
  return iconv.decode(bytes, charset);
}
