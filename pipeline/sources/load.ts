// Reads source declarations and run configs from disk, validating each against its schema.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { configSchema, sourceSchema, type Config, type Source } from './schema.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function formatIssues(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(top level)';
    return `  ${file}: field "${field}": ${issue.message}`;
  });
  return `invalid declaration in ${file}:\n${lines.join('\n')}`;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

export function parseSource(value: unknown, file: string): Source {
  const parsed = sourceSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError(formatIssues(file, parsed.error));
  const source = parsed.data;
  const siteHost = new URL(source.site).host;
  if (!source.hosts.includes(siteHost)) {
    throw new ConfigError(`${file}: field "hosts" must include the host of "site" (${siteHost})`);
  }
  return source;
}

export function loadSource(file: string): Source {
  return parseSource(readJson(file), file);
}

export interface LoadedConfig {
  /** The config file, absolute (recorded with each run); absent for a config built in code. */
  file?: string;
  config: Config;
  sources: Source[];
  /** Absolute paths, resolved against the config file's folder. */
  paths: { db: string; archive: string };
}

/**
 * Loads a run config. Source paths resolve against the config's folder; output paths
 * resolve against `cwd` so `--db` and the config mean the same thing wherever you run.
 */
export function loadConfig(file: string, cwd = process.cwd()): LoadedConfig {
  const parsed = configSchema.safeParse(readJson(file));
  if (!parsed.success) throw new ConfigError(formatIssues(file, parsed.error));
  const config = parsed.data;
  const base = dirname(resolve(file));
  const sources = config.sources.map((p) => loadSource(resolve(base, p)));
  const ids = new Set<string>();
  for (const s of sources) {
    if (ids.has(s.id)) throw new ConfigError(`${file}: source id "${s.id}" is declared twice`);
    ids.add(s.id);
  }
  for (const id of Object.keys(config.origins)) {
    if (!ids.has(id)) throw new ConfigError(`${file}: field "origins.${id}" names no source in "sources"`);
  }
  return {
    file: resolve(file),
    config,
    sources,
    paths: {
      db: resolve(cwd, config.db),
      archive: resolve(cwd, config.archive),
    },
  };
}
