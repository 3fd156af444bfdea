// Dependency honesty: every runtime dependency in package.json is loaded by the code that
// `rollwatch` runs (bin/rollwatch.js and every module it reaches, the lazily imported
// commands and the extraction worker included), and everything that code loads is declared.
// A package only the bench or the tests use belongs in devDependencies.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Declared but not yet loaded at run time, each with the reason it may stay. */
const WAITING: Record<string, string> = {};

/** Specifiers a module loads at run time: imports (not `import type`), re-exports, dynamic imports, workers and requires. */
function specifiers(source: string): string[] {
  const code = source.replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\b(?:import|export)\s+(?!type\b)[^'";]*?\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
    /\b(?:require|createRequire\([^)]*\))\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[1]!));
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Bare packages reached from the CLI's entry point, following relative imports. */
function runtimePackages(): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (/\.(ts|js|mjs)$/.test(target)) visit(target);
      } else if (!spec.startsWith('node:')) packages.add(packageName(spec));
    }
  };
  visit(join(ROOT, 'bin/rollwatch.js'));
  return packages;
}

describe('runtime dependencies', () => {
  const used = runtimePackages();

  it('are each loaded by code that rollwatch runs (or wait with a written reason)', () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => !used.has(name) && !(name in WAITING));
    expect(unused, 'move these to devDependencies or remove them').toEqual([]);
  });

  it('cover every package that code loads', () => {
    const undeclared = [...used].filter((name) => !(name in pkg.dependencies));
    expect(undeclared, 'declare these in dependencies').toEqual([]);
  });

  it('keep waivers only for packages that are still not loaded', () => {
    for (const name of Object.keys(WAITING)) expect(used.has(name), `${name} is loaded now: drop its waiver`).toBe(false);
  });
});
