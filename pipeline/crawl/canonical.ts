// One canonical form per article URL, so tracking links and cosmetic variants collapse
// into one document identity.

/** Query parameters that only track a click; they never select content. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'igshid', 'twclid', 'li_fat_id', 'mkt_tok', '_ga', '_gl',
  '_hsenc', '_hsmi', 'hsctatracking', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'wickedid', 'rb_clickid', 's_cid', 'ncid', 'cmpid',
  'ito', 'sr_share',
]);
const TRACKING_PREFIXES = ['utm_', 'mc_', 'pk_', 'piwik_', 'matomo_', 'mtm_'];
/** Directory index file names a server also answers at the bare directory. */
const INDEX_FILE = /\/(index|default)\.(html?|php|aspx?)$/i;

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/** The URL without fragment and tracking parameters: what is fetched. Throws on an invalid URL. */
export function stripTracking(url: string): string {
  const u = new URL(url);
  u.hash = '';
  const kept = [...u.searchParams].filter(([name]) => !isTrackingParam(name));
  if (kept.length !== [...u.searchParams].length) {
    u.search = kept.length ? new URLSearchParams(kept).toString() : '';
  }
  return u.toString();
}

/**
 * The identity of a page. Scheme and host lower-cased (and default ports dropped) by the URL
 * parser; fragment and tracking parameters dropped; `…/index.html` is its directory; a trailing
 * slash on a non-root path is dropped. Query order is kept: some CMSs route on it.
 */
export function canonicalUrl(url: string): string {
  const u = new URL(stripTracking(url));
  let path = u.pathname.replace(INDEX_FILE, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  u.pathname = path;
  return u.toString();
}
