// Document structure: a sentence that introduces a list ("Those affected are:", "… in the
// following areas:") and the list that follows it, across paragraph and list boundaries. The
// facts of the sentence (or of the one before it, when it only introduces) apply to every item.
import type { Sentence } from '../text.ts';

/** Items are short: a name and perhaps its hours or address, not a sentence of news. */
const ITEM_WORDS = 16;
const INTRO = /(?::\s*$)|\b(?:the following|as follows)\b/i;

const wordCount = (s: Sentence) => s.text.split(/\s+/).filter(Boolean).length;

/** Intro sentence index → the indexes of the list items after it; a sentence that states a status of its own ends the list. */
export function listsAfter(sentences: readonly Sentence[], statesStatus: (i: number) => boolean): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < sentences.length; i++) {
    if (!INTRO.test(sentences[i].text)) continue;
    const items: number[] = [];
    for (let j = i + 1; j < sentences.length && wordCount(sentences[j]) <= ITEM_WORDS && !INTRO.test(sentences[j].text) && !statesStatus(j); j++) items.push(j);
    if (items.length) out.set(i, items);
    i += items.length;
  }
  return out;
}
