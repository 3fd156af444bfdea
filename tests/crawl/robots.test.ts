// robots.txt parsing: groups, precedence, wildcards, Crawl-delay.
import { describe, expect, it } from 'vitest';
import { parseRobots } from '../../pipeline/crawl/robots.ts';

const UA = 'rollwatch/0.1 (+https://example.org)';

describe('parseRobots', () => {
  it('prefers the group naming our product token over *', () => {
    const policy = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: Rollwatch\nDisallow: /private\n', UA);
    expect(policy.isAllowed('/news/1')).toBe(true);
    expect(policy.isAllowed('/private/1')).toBe(false);
  });

  it('lets the longest match win, Allow winning ties', () => {
    const policy = parseRobots('User-agent: *\nDisallow: /news\nAllow: /news/public\nDisallow: /same\nAllow: /same\n', UA);
    expect(policy.isAllowed('/news/secret')).toBe(false);
    expect(policy.isAllowed('/news/public/1')).toBe(true);
    expect(policy.isAllowed('/same')).toBe(true);
  });

  it('supports * and $ and matches the query string', () => {
    const policy = parseRobots('User-agent: *\nDisallow: /*?print=\nDisallow: /*.pdf$\n', UA);
    expect(policy.isAllowed('/news/a?print=1')).toBe(false);
    expect(policy.isAllowed('/files/report.pdf')).toBe(false);
    expect(policy.isAllowed('/files/report.pdf.html')).toBe(true);
  });

  it('reads Crawl-delay, sitemaps, and treats an empty Disallow as allow-all', () => {
    const policy = parseRobots('Sitemap: https://example.org/sitemap.xml\nUser-agent: *\nCrawl-delay: 2.5\nDisallow:\n', UA);
    expect(policy.crawlDelayMs).toBe(2500);
    expect(policy.sitemaps).toEqual(['https://example.org/sitemap.xml']);
    expect(policy.isAllowed('/anything')).toBe(true);
  });

  it('applies one rule set to several agents grouped together', () => {
    const policy = parseRobots('User-agent: otherbot\nUser-agent: rollwatch\nDisallow: /x\n', UA);
    expect(policy.isAllowed('/x/1')).toBe(false);
  });

  it('ignores a group whose agent name merely appears inside ours (RFC 9309 matches the whole token)', () => {
    // "wat" is a substring of "rollwatch", but it names another crawler.
    const policy = parseRobots('User-agent: wat\nDisallow: /\n\nUser-agent: *\nDisallow: /drafts\n', UA);
    expect(policy.isAllowed('/news/1')).toBe(true);
    expect(policy.isAllowed('/drafts/1')).toBe(false);
  });

  it('matches our group case-insensitively and whatever version the robots.txt line carries', () => {
    const policy = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: RollWatch/2.0\nDisallow: /private\nCrawl-delay: 4\n', UA);
    expect(policy.isAllowed('/news/1')).toBe(true);
    expect(policy.isAllowed('/private/x')).toBe(false);
    expect(policy.crawlDelayMs).toBe(4000);
  });

  it('lets our own group replace the * group entirely, even when ours only sets a delay', () => {
    const policy = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: rollwatch\nCrawl-delay: 1\n', UA);
    expect(policy.isAllowed('/news/1')).toBe(true);
    expect(policy.crawlDelayMs).toBe(1000);
  });

  it('always allows robots.txt itself', () => {
    expect(parseRobots('User-agent: *\nDisallow: /\n', UA).isAllowed('/robots.txt')).toBe(true);
  });
});
