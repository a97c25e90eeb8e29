// The site under test: one Chromium, one context per person, axe-core on
// every page a person reaches.

import { chromium } from 'playwright-core';

import { Axe } from './axe.mjs';
import { PageFailure, Visitor } from './visitor.mjs';

export const CHROMIUM = process.env.IIZ_CHROMIUM || '/usr/bin/chromium';

export class Site {
  static async open(base) {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Chromium's sandbox needs user namespaces, which containers (and root) lack.
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
    return new Site(browser, base);
  }

  constructor(browser, base) {
    this.browser = browser;
    this.base = base.replace(/\/$/, '');
    this.axe = new Axe(browser);
  }

  // A fresh browser for `key` (a demo person), signed in; without
  // JavaScript unless asked, so every step proves the page works without it.
  // `lang`: the pages' language the steps expect (switched with the
  // header's buttons when the profile has another).
  async as(key, { javaScript = false, viewport, lang } = {}) {
    const visitor = await this.visitor(key, { javaScript, viewport });
    await visitor.signIn();
    if (lang && (await visitor.lang()) !== lang) {
      await visitor.switchLanguage(lang);
    }
    return visitor;
  }

  async visitor(key, { javaScript = false, viewport } = {}) {
    const context = await this.browser.newContext({
      javaScriptEnabled: javaScript,
      bypassCSP: true,
      locale: 'de-CH',
      viewport: viewport || { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    return new Visitor(this, key, context, page, javaScript);
  }

  // axe-core on the visitor's page; `html` is what a browser without
  // JavaScript received.
  async accessible(visitor, html) {
    const violations = await this.axe.check(visitor.page, html);
    if (violations.length > 0) {
      throw new PageFailure(
        `${visitor.label}: ${visitor.path()} (lang ${await visitor.lang()}) fails axe-core:\n${violations.join('\n')}`,
      );
    }
  }

  async close() {
    await this.axe.close();
    await this.browser.close();
  }
}
