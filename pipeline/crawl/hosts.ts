// What a run keeps per host, whichever source is crawling it: the politeness gate and the
// robots.txt policy. A run makes one and hands it to every source, so two declarations for
// one site share one rate limit and one robots.txt fetch.
import { HostGates } from './politeness.ts';
import type { RobotsPolicy } from './robots.ts';

export class CrawlHosts {
  readonly gates = new HostGates();
  private readonly robots = new Map<string, Promise<RobotsPolicy>>();

  /** The robots policy of a fetch origin, loaded once per run by whichever source asks first. */
  robotsFor(origin: string, load: () => Promise<RobotsPolicy>): Promise<RobotsPolicy> {
    let policy = this.robots.get(origin);
    if (!policy) {
      policy = load();
      this.robots.set(origin, policy);
    }
    return policy;
  }
}
