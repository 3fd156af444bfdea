// Stub: the analysis stage (Article → Findings). Replaced by the real analyser.
import type { Article, Findings } from '../types.ts';

/** Reference data and lexicons, loaded once at the edge and passed in. */
export interface Knowledge {
  readonly loaded: true;
}

export function loadKnowledge(): Knowledge {
  return { loaded: true };
}

export function analyse(_article: Article, _knowledge: Knowledge): Findings {
  return { entities: [], quotes: [], dates: [], claims: [], events: [] };
}
