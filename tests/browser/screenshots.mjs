// `just screenshots`: PNGs of the main pages as the Fachstelle sees them
// (with JavaScript, as most people do), in German and in French, into
// docs/screenshots/<page>-<lang>.png. A page that is missing is reported
// and the others are still taken.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

// Each page: its name and how to reach it from the previous one.
const PAGES = [
  ['home', (visitor) => visitor.open('/')],
  ['concerns', (visitor) => visitor.open('/concerns')],
  ['concern', (visitor) => first(visitor, '/concerns', /^\/concerns\/[0-9a-f-]{36}$/)],
  ['queue', (visitor) => visitor.open('/queue')],
  ['recommendation', (visitor) => first(visitor, '/recommendations', /^\/recommendations\/[0-9a-f-]{36}$/)],
  ['monitoring', (visitor) => visitor.open('/monitoring')],
  ['meeting', (visitor) => first(visitor, '/meetings', /^\/meetings\/[0-9a-f-]{36}$/)],
  ['panorama-round', (visitor) => visitor.open('/panorama/rounds/2026')],
  ['panorama-profile', (visitor) => visitor.open('/cantons/GE/profile/2026')],
  ['profile', (visitor) => visitor.open('/profile')],
  ['panorama', (visitor) => visitor.open('/panorama/2020')],
  ['panorama-compare', (visitor) => visitor.open('/panorama/compare?field=bodies&year=2020&canton=GE&canton=SO&canton=ZH')],
  ['forgot', (visitor) => visitor.open('/account/forgot')],
  ['not-found', (visitor) => visitor.open('/no-such-page', { status: 404 })],
];

const LANGUAGES = ['de', 'fr'];

export async function screenshots(site, { out, log = console.log }) {
  mkdirSync(out, { recursive: true });
  const problems = [];
  const petra = await site.as('petra', { javaScript: true, viewport: { width: 1280, height: 800 } });
  try {
    for (const lang of LANGUAGES) {
      await petra.open('/');
      if ((await petra.lang()) !== lang) {
        await petra.switchLanguage(lang);
      }
      for (const [name, reach] of PAGES) {
        try {
          await reach(petra);
          const path = join(out, `${name}-${lang}.png`);
          await petra.page.screenshot({ path, fullPage: true });
          log(`screenshots: ${path} (${petra.path()})`);
        } catch (error) {
          problems.push(`${name} (${lang}): ${error.message}`);
        }
      }
    }
  } finally {
    await petra.close();
  }
  return problems;
}

// Opens `list` and follows its first link matching `pattern`.
async function first(visitor, list, pattern) {
  await visitor.open(list);
  await visitor.followHref(pattern);
}
