// Text into HTML safely: every piece of data goes through one of these.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** An href only for http(s) URLs, so a scraped `javascript:` link can never run. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to the source, or the plain text when the URL is not a web address. */
export function sourceLink(url: unknown, text: unknown): string {
  const href = safeHref(url);
  const label = escapeHtml(text ?? url);
  return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${label}</a>` : label;
}
