// analyse on real-like articles, each read once: the dev set's pages (tests/devset, written by the
// team) and, when the shared realset is beside the worktree, its published articles (read at run
// time, never copied). The synthetic site repeats its template sentences from page to page, so the
// tagged-window memo answers about half of its compromise calls; here it answers almost none, as on
// a real archive of many sites.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Findings } from '../../pipeline/types.ts';
import { cpuSecondsSince, importOptional, measured, type StageArgs, type StageResult } from '../common.ts';

const ROOT = join(import.meta.dirname, '../..');
const DEVSET = join(ROOT, 'tests/devset');
const REALSET = join(ROOT, '../shared/realset');

interface AnalyseModule {
  loadKnowledge(): unknown;
  analyse(article: Article, knowledge: unknown): Findings;
}
interface ArticleModule {
  extractArticle(html: string, url: string): Article;
}

/** A realset text as the extractor would give it: blank lines part paragraphs, a list's lines are items. */
function realsetArticle(id: string): Article {
  const text = readFileSync(join(REALSET, 'texts', `${id}.txt`), 'utf8');
  const meta = JSON.parse(readFileSync(join(REALSET, 'gold', `${id}.json`), 'utf8')) as { url?: string; title?: string; published?: string | null };
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
    .flatMap((p) => (p.includes('\n') ? p.split('\n').map((li) => li.replace(/^[•*-]\s*/, '').trim()).filter(Boolean) : [p]));
  const published = meta.published ? (/^\d{4}-\d{2}$/.test(meta.published) ? `${meta.published}-01` : meta.published) : null;
  return {
    url: meta.url ?? `https://realset.example/${id}`, title: meta.title ?? null, published, publishedRaw: published, publishedSource: 'none',
    updated: null, author: null, paragraphs, body: paragraphs.join('\n\n'),
  } as Article;
}

export async function realLikeArticles(): Promise<{ articles: Article[]; realset: number; devset: number }> {
  const { extractArticle } = await importOptional<ArticleModule>('pipeline/article/extract.ts', ['extractArticle']);
  const dev = readdirSync(DEVSET).filter((f) => f.endsWith('.html')).sort()
    .map((f) => extractArticle(readFileSync(join(DEVSET, f), 'utf8'), `https://devset.example/${f}`));
  const textsDir = join(REALSET, 'texts');
  const real = existsSync(textsDir)
    ? readdirSync(textsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => realsetArticle(f.slice(0, -4)))
    : [];
  return { articles: [...real, ...dev], realset: real.length, devset: dev.length };
}

export async function analyseReal(_args: StageArgs): Promise<StageResult> {
  const mod = await importOptional<AnalyseModule>('pipeline/analyse/index.ts', ['loadKnowledge', 'analyse']);
  const { articles, realset, devset } = await realLikeArticles();
  const knowledge = mod.loadKnowledge();
  await measured.begin();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let events = 0;
  for (const a of articles) events += mod.analyse(a, knowledge).events.length;
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsSince(cpu);
  await measured.end();
  const note = realset ? '' : 'no ../shared/realset: dev set only';
  return { units: articles.length, unit: 'docs', seconds, extra: { realset, devset, events, cpuSeconds }, note };
}
