// Issue 13.9: the analysis stays in a shape a newcomer can change: small functions, readable lines, and its
// word lists in sources/lexicon/ rather than in the code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../pipeline/analyse');
// Every TypeScript file of the analysis stage, its sub-folders (events/, reference/) included.
const FILES = readdirSync(ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
const MAX_LINE = 160;
const MAX_FUNCTION = 80;
// A closed class of grammar (determiners, months, auxiliaries) may stay beside the code that reads it; a list
// longer than these is vocabulary someone will want to extend, and belongs in sources/lexicon/.
const MAX_ALTERNATIVES = 15;
const MAX_WORDS = 11;

/** Every function-like node with its name and length in lines, from the TypeScript parser. */
function functionsOf(file: string): { name: string; lines: number }[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = src.getLineAndCharacterOfPosition(node.getStart(src)).line;
      const last = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = 'name' in node && node.name ? node.name.getText(src) : `(anonymous at line ${first + 1})`;
      out.push({ name: `${file}:${name}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

/** Regular-expression literals with many top-level-or-nested alternatives, and arrays of many string literals. */
function wordListsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const where = (node: ts.Node) => `${file}:${src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node) && (node.text.match(/\|/g) ?? []).length + 1 > MAX_ALTERNATIVES) out.push(`${where(node)} regex`);
    // A list of field names (`as const`) is the shape of a lexicon file, not a word list.
    const typed = node.parent !== undefined && ts.isAsExpression(node.parent) && node.parent.type.getText(src) === 'const';
    if (ts.isArrayLiteralExpression(node) && !typed && node.elements.length > MAX_WORDS && node.elements.every(ts.isStringLiteral)) out.push(`${where(node)} list`);
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

describe('the shape of the analysis', () => {
  it(`has no line over ${MAX_LINE} characters`, () => {
    const long = FILES.flatMap((f) => readFileSync(join(ROOT, f), 'utf8').split('\n')
      .map((l, i) => ({ where: `${f}:${i + 1}`, length: l.length })).filter((l) => l.length > MAX_LINE));
    expect(long).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION} lines`, () => {
    const big = FILES.flatMap(functionsOf).filter((f) => f.lines > MAX_FUNCTION);
    expect(big).toEqual([]);
  });

  it(`keeps its word lists in sources/lexicon/: no pattern of over ${MAX_ALTERNATIVES} alternatives, no list of over ${MAX_WORDS} words`, () => {
    expect(FILES.flatMap(wordListsOf)).toEqual([]);
  });

  it('reads each of its files, so the checks above cover the code', () => {
    expect(FILES).toEqual(expect.arrayContaining(['events/status.ts', 'regions.ts', 'services.ts', 'reference/compile.ts']));
    expect(FILES.length).toBeGreaterThan(30);
    expect(FILES.flatMap(functionsOf).length).toBeGreaterThan(50);
  });
});
