// Proxies from the config's `proxyUrls`, rotated by crawlee's ProxyConfiguration. The HTTP
// crawler sends its requests through an undici ProxyAgent per proxy URL; the browser crawler
// hands the same configuration to crawlee, which starts its browsers with it.
import { ProxyConfiguration } from '@crawlee/core';
import { ProxyAgent, type Dispatcher } from 'undici';

export class Proxies {
  readonly configuration: ProxyConfiguration;
  private readonly agents = new Map<string, ProxyAgent>();

  constructor(proxyUrls: string[]) {
    this.configuration = new ProxyConfiguration({ proxyUrls });
  }

  /** The agent for the proxy crawlee picks next. */
  async dispatcher(): Promise<Dispatcher | undefined> {
    const url = await this.configuration.newUrl();
    if (!url) return undefined;
    let agent = this.agents.get(url);
    if (!agent) {
      agent = new ProxyAgent(url);
      this.agents.set(url, agent);
    }
    return agent;
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((a) => a.close()));
    this.agents.clear();
  }
}
