// The labelled development-set format (tests/devset/NNN-slug.gold.json) and its loader.
// Validated with zod so a labelling typo fails with the file and field named.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ROLLOUT_STATUSES } from '../../pipeline/types.ts';

/** ISO at the text's precision (`2013`, `2013-06`, `2013-06-01`) or an interval `start/end` of those. */
const isoPoint = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const isoValue = z
  .string()
  .refine((s) => s.split('/').length <= 2 && s.split('/').every((p) => isoPoint.test(p)), {
    message: 'must be ISO at its precision (2013, 2013-06, 2013-06-01) or an interval start/end such as 2013-06/2013-08',
  })
  .refine((s) => !s.includes('/') || s.split('/')[0] <= s.split('/')[1], {
    message: 'an interval must start before it ends (start/end)',
  });

const namedWithCode = z.strictObject({
  name: z.string().min(1),
  code: z.string().min(1).nullable(),
});

/** Page genres, so results can be broken down by the kind of page. */
export const GENRES = [
  'trade-press',
  'press-release',
  'ministerial-statement',
  'ministerial-speech',
  'board-paper',
  'local-news',
  'letter',
] as const;

export const goldItemSchema = z.strictObject({
  url: z.string().regex(/^https?:\/\//, 'must be an absolute http(s) URL'),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be the publication day as YYYY-MM-DD'),
  genre: z.enum(GENRES),
  services: z.array(z.string().min(1)),
  regions: z.array(namedWithCode),
  providers: z.array(namedWithCode),
  people: z.array(z.string().min(1)),
  quotes: z.array(
    z.strictObject({
      speaker: z.string().min(1).nullable(),
      role: z.string().min(1).nullable(),
      opening: z.string().min(1),
    }),
  ),
  dates: z.array(z.strictObject({ surface: z.string().min(1), value: isoValue })),
  events: z.array(
    z.strictObject({
      service: z.string().min(1),
      region: z.string().min(1),
      /** Optional: otherwise taken from the gold region of the same name. */
      regionCode: z.string().min(1).nullable().optional(),
      status: z.enum(ROLLOUT_STATUSES),
      provider: z.string().min(1).nullable(),
      target: isoValue.nullable(),
    }),
  ),
});

export type GoldItem = z.infer<typeof goldItemSchema>;

export interface GoldFile {
  /** Item id: the file name without `.gold.json` (e.g. `001-lincs-111-pilot`). */
  id: string;
  goldPath: string;
  htmlPath: string;
  gold: GoldItem;
}

/** A gold file that cannot be read, parsed or validated; `field` names the offending path. */
export class GoldFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    detail: string,
  ) {
    super(`${file}${field ? ` (field ${field})` : ''}: ${detail}`);
  }
}

export function parseGold(file: string, text: string): GoldItem {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new GoldFileError(file, null, `not valid JSON: ${(err as Error).message}`);
  }
  const result = goldItemSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.map(String).join('.') || '(root)';
    throw new GoldFileError(file, field, issue.message);
  }
  return result.data;
}

/** Every `*.gold.json` in `dir` with its sibling `.html`, sorted by id. */
export async function loadGoldDir(dir: string): Promise<GoldFile[]> {
  const all = new Set(await readdir(dir));
  const names = [...all].filter((n) => n.endsWith('.gold.json')).sort();
  const files: GoldFile[] = [];
  for (const name of names) {
    const id = name.slice(0, -'.gold.json'.length);
    const goldPath = join(dir, name);
    const htmlPath = join(dir, `${id}.html`);
    let text: string;
    try {
      text = await readFile(goldPath, 'utf8');
    } catch (err) {
      throw new GoldFileError(goldPath, null, `unreadable: ${(err as Error).message}`);
    }
    const gold = parseGold(goldPath, text);
    if (!all.has(`${id}.html`)) {
      throw new GoldFileError(goldPath, null, `no article page ${id}.html beside it`);
    }
    files.push({ id, goldPath, htmlPath, gold });
  }
  return files;
}
