// A page's declared charset is a claim; its bytes are the evidence. UTF-8 has a shape that
// text in other encodings almost never has, so a page whose bytes are UTF-8 is read as UTF-8
// whatever it says, and a few damaged bytes cost those bytes only, not the whole page.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../pipeline/crawl/charset.ts';

const text = 'Patients in Dudley paid £2 less – “a fair deal”, said the board’s chair at the café in Dudley.';
const page = (head = '') => `<html><head>${head}</head><body><p>${text}</p></body></html>`;

describe('decodeHtml checks the declared charset against the bytes', () => {
  it('reads a UTF-8 page declared as Shift_JIS as UTF-8', () => {
    expect(decodeHtml(Buffer.from(page()), 'text/html; charset=shift_jis')).toBe(page());
  });

  it('reads a UTF-8 page whose <meta> says windows-1251 as UTF-8', () => {
    const html = page('<meta charset="windows-1251">');
    expect(decodeHtml(Buffer.from(html), 'text/html')).toBe(html);
  });

  it('still reads a real Shift_JIS page as Shift_JIS', () => {
    const japanese = '<html><head><meta charset="shift_jis"></head><body><p>東京都の救急相談センターは二十四時間対応です。</p></body></html>';
    expect(decodeHtml(iconv.encode(japanese, 'shift_jis'), 'text/html; charset=Shift_JIS')).toBe(japanese);
  });

  it('keeps a UTF-8 page with a few broken bytes as UTF-8, a replacement character at those bytes only', () => {
    const [before, after] = [Buffer.from(`<p>${text}</p><p>`), Buffer.from(`</p><p>${text}</p>`)];
    const body = Buffer.concat([before, Buffer.from([0xe9]), Buffer.from('t'), Buffer.from([0x96]), after]);
    const expected = `<p>${text}</p><p>\ufffdt\ufffd</p><p>${text}</p>`;
    expect(decodeHtml(body, 'text/html; charset=utf-8')).toBe(expected);
    expect(decodeHtml(body, null)).toBe(expected);
  });

  it('reads a mostly-UTF-8 page served as Latin-1 as UTF-8 even with a stray byte', () => {
    const body = Buffer.concat([Buffer.from(`<p>${text}</p>`.repeat(4)), Buffer.from([0xa0]), Buffer.from('<p>end</p>')]);
    expect(decodeHtml(body, 'text/html; charset=iso-8859-1')).toBe(`${`<p>${text}</p>`.repeat(4)}\ufffd<p>end</p>`);
  });

  it('still reads a windows-1252 page mislabelled UTF-8 as windows-1252', () => {
    const body = iconv.encode(page(), 'windows-1252');
    expect(decodeHtml(body, 'text/html; charset=utf-8')).toBe(page());
  });

  it('removes NUL characters, which no text holds and databases refuse', () => {
    expect(decodeHtml(Buffer.from('<p>NHS\u0000 111\u0000</p>'), 'text/html; charset=utf-8')).toBe('<p>NHS 111</p>');
    expect(decodeHtml(iconv.encode('<p>£2\u0000</p>', 'windows-1252'), 'text/html; charset=windows-1252')).toBe('<p>£2</p>');
  });
});
