// Quotes as the report shows them: one by one, each quoted passage on its own with who said it
// and the services its article is about, as text.
import { escapeHtml, sourceLink } from './html.ts';

export interface ReportQuote {
  reported_on: string | null;
  speaker: string | null;
  speaker_role: string | null;
  quote: string;
  /** The body text around the quote (from just before its start to just after its end). */
  context: string | null;
  title: string | null;
  url: string;
  /** The services its article reports facts about, joined as text. */
  services: string | null;
}

// A passage between matching quote marks; a closing single mark followed by a letter is an apostrophe ("We’ve").
const PASSAGES = /“([^”]+)”|"([^"]+)"|‘((?:[^’]|’(?=\p{L}))+)’/gu;

/**
 * The quoted passages a stored quote spans: a speaker's words broken by "she said" are two
 * passages of one quote, shown apart as the article prints them. A span with no marks is one passage.
 */
export function quotePassages(q: Pick<ReportQuote, 'quote' | 'context'>): string[] {
  const found = [...(q.context ?? '').matchAll(PASSAGES)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim().replace(/,$/, '')).filter(Boolean);
  return found.length > 1 ? found : [q.quote];
}

export function quoteBlocks(q: ReportQuote): string[] {
  const who = [q.speaker, q.speaker_role].filter(Boolean).map(escapeHtml).join(', ') || 'unattributed';
  const services = q.services ? ` <span class="muted">about ${escapeHtml(q.services)}</span>` : '';
  const footer = `<footer>— ${who}; ${escapeHtml(q.reported_on ?? 'undated')}, ${sourceLink(q.url, q.title ?? q.url)}${services}</footer>`;
  return quotePassages(q).map((passage) => `<blockquote><p>“${escapeHtml(passage)}”</p>${footer}</blockquote>`);
}
