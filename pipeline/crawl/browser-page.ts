// What the browser crawler does on an article page once it has loaded: accept a cookie-consent
// dialog (buttons and places from sources/lexicon/consent-buttons.json), then wait until the
// page's scripts have stopped writing text into it.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface ConsentLexicon {
  containers: string[];
  buttons: string[];
}

const CONSENT: ConsentLexicon = JSON.parse(readFileSync(new URL('../../sources/lexicon/consent-buttons.json', import.meta.url), 'utf8')) as ConsentLexicon;

// Both functions below run inside the page, in the browser, not in Node: they are kept as
// JavaScript source (this project's TypeScript has no DOM types) and called with JSON arguments.
const CLICK_ACCEPT = `({ containers, buttons }) => {
  const norm = (s) => s.replace(/\\s+/g, ' ').trim().toLowerCase();
  const visible = (el) => { const r = el.getBoundingClientRect(); return !el.hidden && r.width > 0 && r.height > 0; };
  for (const selector of containers) {
    for (const box of document.querySelectorAll(selector)) {
      if (!visible(box)) continue;
      for (const button of box.querySelectorAll('button, a, [role=button], input[type=button], input[type=submit]')) {
        const text = norm(button.value || button.textContent || '');
        if (visible(button) && buttons.some((b) => text === b || text.startsWith(b + ' '))) { button.click(); return true; }
      }
    }
  }
  return false;
}`;

const TEXT_STILL = `({ left, quietMs }) => new Promise((resolve) => {
  const end = Date.now() + left;
  let last = -1;
  let since = Date.now();
  const tick = () => {
    const length = document.body ? document.body.innerText.length : 0;
    if (length !== last) { last = length; since = Date.now(); }
    if (Date.now() - since >= quietMs || Date.now() >= end) resolve(true);
    else setTimeout(tick, 50);
  };
  tick();
})`;

function call(page: Page, fn: string, arg: unknown): Promise<unknown> {
  return page.evaluate(`(${fn})(${JSON.stringify(arg)})`);
}

/** Clicks the first visible accept button of a consent dialog; false when the page shows none. */
export async function acceptConsent(page: Page): Promise<boolean> {
  return (await call(page, CLICK_ACCEPT, CONSENT)) === true;
}

/**
 * Waits, at most `maxMs`, for the network to go quiet and then for the page's text to stop
 * changing for `quietMs`: scripts that fetch an article and write it in are done by then.
 */
export async function settle(page: Page, maxMs: number, quietMs = 300): Promise<void> {
  const started = Date.now();
  await page.waitForLoadState('networkidle', { timeout: maxMs }).catch(() => undefined);
  const left = Math.max(0, maxMs - (Date.now() - started));
  await call(page, TEXT_STILL, { left, quietMs }).catch(() => undefined);
}
