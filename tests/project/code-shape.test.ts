// Issue 13.9: the event analysis stays in a shape a newcomer can change: small functions, readable lines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../pipeline/analyse');
const FILES = ['events.ts', ...readdirSync(join(ROOT, 'events')).filter((f) => f.endsWith('.ts')).map((f) => `events/${f}`)];
const MAX_LINE = 160;
const MAX_FUNCTION = 80;

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

describe('the shape of the event analysis', () => {
  it(`has no line over ${MAX_LINE} characters`, () => {
    const long = FILES.flatMap((f) => readFileSync(join(ROOT, f), 'utf8').split('\n')
      .map((l, i) => ({ where: `${f}:${i + 1}`, length: l.length })).filter((l) => l.length > MAX_LINE));
    expect(long).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION} lines`, () => {
    const big = FILES.flatMap(functionsOf).filter((f) => f.lines > MAX_FUNCTION);
    expect(big).toEqual([]);
  });

  it('reads each of its files, so the checks above cover the code', () => {
    expect(FILES.length).toBeGreaterThan(8);
    expect(FILES.flatMap(functionsOf).length).toBeGreaterThan(50);
  });
});
