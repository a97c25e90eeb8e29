// axe-core on a page, WCAG 2.0/2.1 A and AA. A page seen without JavaScript
// is checked as that browser received it: its HTML is replayed in a page
// that may run axe (axe needs timers, which a script-less page does not
// run) while the site's own scripts are held back, so the check sees what
// the person without JavaScript sees, with the site's real CSS.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NODES_SHOWN = 5;

export class Axe {
  constructor(browser) {
    this.browser = browser;
    this.replay = null;
    this.checked = 0;
  }

  // The violations on `page` (a Playwright page), as readable lines.
  async check(page, html) {
    this.checked += 1;
    if (html === undefined) {
      return run(page);
    }
    const replay = await this.replayPage();
    // The request for a page never carries its #fragment.
    const url = page.url().split('#')[0];
    this.pending = { url, html };
    await replay.goto(url, { waitUntil: 'load' });
    return run(replay);
  }

  async replayPage() {
    if (this.replay) {
      return this.replay;
    }
    const context = await this.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.route('**/*', async (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && this.pending && request.url() === this.pending.url) {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: this.pending.html });
      } else if (request.resourceType() === 'script') {
        await route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
      } else {
        await route.continue();
      }
    });
    this.replay = page;
    return page;
  }

  async close() {
    if (this.replay) {
      await this.replay.context().close();
    }
  }
}

async function run(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) {
    await page.evaluate(AXE_SOURCE);
  }
  const result = await page.evaluate(
    (rules) => window.axe.run(document, { runOnly: { type: 'tag', values: rules }, resultTypes: ['violations'] }),
    RULE_SETS,
  );
  return result.violations.map(describe);
}

function describe(violation) {
  const nodes = violation.nodes.slice(0, NODES_SHOWN).map((node) => {
    const why = (node.failureSummary || '').split('\n').slice(1, 2).join(' ').trim();
    return `    at ${node.target.join(' ')}${why ? ` — ${why}` : ''}`;
  });
  const more = violation.nodes.length > NODES_SHOWN ? [`    … and ${violation.nodes.length - NODES_SHOWN} more`] : [];
  return [`  ${violation.id} (${violation.impact}): ${violation.help}`, ...nodes, ...more].join('\n');
}
