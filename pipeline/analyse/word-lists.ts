// Checks a word-list file of sources/lexicon/ (name-words.json, place-words.json, region-context.json, and the word-list
// groups of the others) when it is loaded, so a bad edit stops the analyser with the file and field named, not with a wrong result.

type Lists = { [key: string]: string | string[] | Lists };

/** One regular-expression alternative per fragment of a list, in the file's order (order decides which alternative matches). */
export const anyOf = (list: { fragments: string[] }) => `(?:${list.fragments.join('|')})`;

/**
 * Every field but `_comment` is a non-empty list of strings, or a group of such fields; a list
 * named `fragments` holds regular-expression fragments, and each must compile.
 */
export function checkWordLists<T>(file: string, data: T): T {
  walk(file, data as unknown, '');
  return data;
}

function walk(file: string, value: unknown, path: string): void {
  if (Array.isArray(value)) {
    if (!value.length || !value.every((w) => typeof w === 'string' && w.trim() !== '')) {
      throw new Error(`${file}: ${path} must be a non-empty list of non-empty strings`);
    }
    if (path.endsWith('fragments')) {
      for (const f of value as string[]) {
        try { new RegExp(f); } catch (e) { throw new Error(`${file}: ${path} has an invalid regular expression "${f}" (${(e as Error).message})`); }
      }
    }
    return;
  }
  if (!value || typeof value !== 'object') throw new Error(`${file}: ${path || 'the file'} must be a list of words or a group of lists`);
  const fields = Object.entries(value as Lists).filter(([k]) => k !== '_comment');
  if (!fields.length) throw new Error(`${file}: ${path || 'the file'} has no lists`);
  for (const [k, v] of fields) walk(file, v, path ? `${path}.${k}` : k);
}
