// decodeHtml: where the charset comes from, and what happens when a page lies about it.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeHtml } from '../../pipeline/crawl/index.ts';

const text = 'Patients in Dudley paid £2 less – “a fair deal”, said the board’s chair.';

describe('decodeHtml', () => {
  it('uses the charset in the Content-Type header', () => {
    expect(decodeHtml(iconv.encode(`<p>${text}</p>`, 'windows-1252'), 'text/html; charset=windows-1252')).toBe(`<p>${text}</p>`);
    expect(decodeHtml(Buffer.from(`<p>${text}</p>`), 'text/html; charset="UTF-8"')).toBe(`<p>${text}</p>`);
  });

  it('reads ISO-8859-1 as windows-1252, as browsers do', () => {
    const body = iconv.encode(`<p>${text}</p>`, 'windows-1252');
    expect(decodeHtml(body, 'text/html; charset=ISO-8859-1')).toBe(`<p>${text}</p>`);
  });

  it('lets a byte-order mark win and drops it from the text', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<p>${text}</p>`)]);
    expect(decodeHtml(body, 'text/html; charset=windows-1252')).toBe(`<p>${text}</p>`);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('<p>Wales</p>', 'utf-16le')]);
    expect(decodeHtml(utf16, 'text/html')).toBe('<p>Wales</p>');
  });

  it('falls back to <meta charset> and <meta http-equiv> when the header has none', () => {
    const meta = iconv.encode(`<html><head><meta charset="iso-8859-1"></head><body>${text}</body></html>`, 'windows-1252');
    expect(decodeHtml(meta, 'text/html')).toContain(text);
    const equiv = iconv.encode(`<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252"></head><body>${text}</body></html>`, 'windows-1252');
    expect(decodeHtml(equiv, null)).toContain(text);
  });

  it('overrules a UTF-8 declaration that the bytes contradict', () => {
    const body = iconv.encode(`<p>${text}</p>`, 'windows-1252');
    expect(decodeHtml(body, 'text/html; charset=utf-8')).toBe(`<p>${text}</p>`);
  });

  it('reads UTF-8 served as Latin-1 as UTF-8', () => {
    expect(decodeHtml(Buffer.from(`<p>${text}</p>`), 'text/html; charset=iso-8859-1')).toBe(`<p>${text}</p>`);
  });

  it('guesses from the bytes when nothing is declared, and ignores unknown labels', () => {
    expect(decodeHtml(Buffer.from(`<p>${text}</p>`), null)).toBe(`<p>${text}</p>`);
    expect(decodeHtml(iconv.encode(`<p>${text}</p>`, 'windows-1252'), 'text/html; charset=no-such-charset')).toBe(`<p>${text}</p>`);
  });

  it('reads the encoding of an XML declaration (feeds)', () => {
    const feed = iconv.encode(`<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>${text}</title></channel></rss>`, 'windows-1252');
    expect(decodeHtml(feed, 'application/rss+xml')).toContain(text);
  });
});
