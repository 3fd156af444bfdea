// Document versions: which capture of a document is its current version. Captures from a web
// archive or a WARC file arrive in any order, so "latest" means the newest capture time, not
// the last one loaded; every other content a document had is an earlier version.
import type { PageRecord } from './store.ts';

/** Columns shared by documents and earlier_versions, in earlier_versions' order. */
export const VERSION_COLUMNS =
  'doc_id, url, source_id, title, published_at, author, body, content_hash, fetched_at, published_raw, published_source, updated_at';

export function versionKey(docId: string, contentHash: string): string {
  return `${docId}:${contentHash}`;
}

export interface VersionState {
  /** Stored current version per document: its content hash and newest capture (epoch ms). */
  docs: Map<string, { hash: string; latestAt: number }>;
  /** versionKey of every stored earlier version. */
  earlier: Set<string>;
}

export type VersionOutcome = 'new' | 'changed' | 'earlier' | 'unchanged';

export interface VersionPlan {
  /** One per page, in order. */
  outcomes: VersionOutcome[];
  /** Pages that become their document's current version (indexes into the batch). */
  current: number[];
  /** Pages stored as earlier versions. */
  earlier: number[];
  /** Documents whose stored version is superseded (its text moves to earlier_versions). */
  replaced: string[];
  /** versionKeys of earlier versions that are current again (a page that went back to what it said). */
  restored: string[];
}

/**
 * Decides what a batch does to each document, and updates `state` to match: per document, the
 * newest capture in the batch competes with the stored version (a different content wins unless
 * it was captured earlier); every other content is an earlier version, stored once.
 */
export function planVersions(pages: PageRecord[], ids: string[], state: VersionState): VersionPlan {
  const plan: VersionPlan = { outcomes: new Array(pages.length), current: [], earlier: [], replaced: [], restored: [] };
  const at = pages.map((p) => Date.parse(p.capture.fetchedAt));
  const newest = new Map<string, number>();
  pages.forEach((_, i) => {
    const j = newest.get(ids[i]!);
    if (j === undefined || at[i]! >= at[j]!) newest.set(ids[i]!, i); // a tie goes to the one loaded last, as in a crawl
  });
  const keepEarlier = (i: number): VersionOutcome => {
    const key = versionKey(ids[i]!, pages[i]!.capture.contentHash);
    if (state.earlier.has(key)) return 'unchanged';
    state.earlier.add(key);
    plan.earlier.push(i);
    return 'earlier';
  };
  const currentHash = new Map<string, string>();
  for (const [docId, i] of newest) {
    const hash = pages[i]!.capture.contentHash;
    const stored = state.docs.get(docId);
    if (stored && stored.hash === hash) {
      stored.latestAt = Math.max(stored.latestAt, at[i]!);
      plan.outcomes[i] = 'unchanged';
    } else if (stored && at[i]! < stored.latestAt) {
      plan.outcomes[i] = keepEarlier(i);
    } else {
      plan.outcomes[i] = stored ? 'changed' : 'new';
      plan.current.push(i);
      if (stored) {
        plan.replaced.push(docId);
        state.earlier.add(versionKey(docId, stored.hash));
        const back = versionKey(docId, hash);
        if (state.earlier.delete(back)) plan.restored.push(back);
      }
      currentHash.set(docId, hash);
      continue;
    }
    currentHash.set(docId, stored.hash);
  }
  pages.forEach((page, i) => {
    if (plan.outcomes[i] !== undefined) return;
    plan.outcomes[i] = page.capture.contentHash === currentHash.get(ids[i]!) ? 'unchanged' : keepEarlier(i);
  });
  return plan;
}
