// robots.txt (RFC 9309) plus the widely used Crawl-delay extension, which
// @crawlee/utils' RobotsTxtFile does not expose.

interface Rule {
  allow: boolean;
  pattern: RegExp;
  /** Length of the rule path: the longest match wins (RFC 9309 §2.2.2). */
  specificity: number;
}

interface Group {
  agents: string[];
  rules: Rule[];
  crawlDelaySeconds: number | null;
}

export interface RobotsPolicy {
  isAllowed(pathAndQuery: string): boolean;
  /** Crawl-delay for our agent in milliseconds, or null when none is set. */
  crawlDelayMs: number | null;
  sitemaps: string[];
  /** Set when everything is refused because robots.txt itself could not be read. */
  unavailable?: boolean;
}

function toPattern(path: string): RegExp {
  const anchored = path.endsWith('$');
  const body = (anchored ? path.slice(0, -1) : path)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Percent-encoding differs between robots.txt and links; compare decoded forms. */
function normalisePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

export const ALLOW_ALL: RobotsPolicy = { isAllowed: () => true, crawlDelayMs: null, sitemaps: [] };
export const UNAVAILABLE: RobotsPolicy = { isAllowed: () => false, crawlDelayMs: null, sitemaps: [], unavailable: true };

/** The product token robots.txt groups are matched against: "rollwatch" from "rollwatch/0.1 (+…)". */
export function productToken(userAgent: string): string {
  return (userAgent.trim().split(/[\s/]/)[0] ?? '').toLowerCase();
}

export function parseRobots(text: string, userAgent: string): RobotsPolicy {
  const groups: Group[] = [];
  const sitemaps: string[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelaySeconds: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (key === 'sitemap') {
      if (value) sitemaps.push(value);
    } else if (current && (key === 'allow' || key === 'disallow')) {
      // An empty Disallow allows everything: it adds no rule.
      if (value) current.rules.push({ allow: key === 'allow', pattern: toPattern(normalisePath(value)), specificity: value.length });
    } else if (current && key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelaySeconds = seconds;
    }
  }
  const token = productToken(userAgent);
  const own = groups.filter((g) => g.agents.some((a) => a !== '*' && token.length > 0 && (token.includes(a) || a.includes(token))));
  const chosen = own.length ? own : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.crawlDelaySeconds).filter((d): d is number => d !== null);
  return {
    isAllowed(pathAndQuery: string): boolean {
      const path = normalisePath(pathAndQuery);
      if (path === '/robots.txt') return true;
      let best: Rule | null = null;
      for (const rule of rules) {
        if (!rule.pattern.test(path)) continue;
        // Longest match wins; on a tie Allow wins (RFC 9309).
        if (!best || rule.specificity > best.specificity || (rule.specificity === best.specificity && rule.allow)) best = rule;
      }
      return best ? best.allow : true;
    },
    crawlDelayMs: delays.length ? Math.max(...delays) * 1000 : null,
    sitemaps,
  };
}
