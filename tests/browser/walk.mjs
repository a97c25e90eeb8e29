// The walk without JavaScript: every demo role signs in and crawls, breadth
// first, every same-site link reachable from the home page, once in the
// profile's language and once in another one chosen with the header's
// language buttons. Every page must answer below 400 and pass axe-core.
// Bounded: per role and language at most MAX_PAGES pages and PER_PATTERN
// pages of one shape (/concerns/<id> is one shape), so the walk stays short
// as the demo data grows.

import { WALKERS } from './lib/people.mjs';
import { PageFailure } from './lib/visitor.mjs';

const MAX_PAGES = Number(process.env.IIZ_WALK_MAX_PAGES || 40);
const PER_PATTERN = { first: 2, second: 1 };

// Links a crawl does not follow: they end the session, are not pages, or
// are machine interfaces.
const SKIPPED = [
  /^\/signout\b/,
  /^\/graphql\b/,
  /^\/graphiql\b/,
  /^\/assets\//,
  /^\/exports\//,
  /^\/calendar\//,
  /^\/(readyz|healthz|livez|metrics)\b/,
  /\.(ics|csv|json|pdf|xml|svg|png)(\?|$)/,
];

// The language to switch to after the profile's.
const OTHER = { de: 'fr', fr: 'de', it: 'de' };

export async function walk(site, { people = WALKERS, log = console.log } = {}) {
  const problems = [];
  let pages = 0;
  for (const key of people) {
    const visitor = await site.visitor(key);
    try {
      await visitor.signIn();
      const first = await visitor.lang();
      pages += await crawl(visitor, PER_PATTERN.first, problems);
      const second = OTHER[first] || 'de';
      // The switcher is in every page's header; home is sure to be a page.
      await visitor.open('/');
      await visitor.switchLanguage(second);
      pages += await crawl(visitor, PER_PATTERN.second, problems);
      log(`walk: ${visitor.label} crawled in ${first} and ${second}`);
    } catch (error) {
      problems.push(error instanceof PageFailure ? error.message : `${key}: ${error.stack}`);
    } finally {
      await visitor.close();
    }
  }
  log(`walk: ${pages} pages visited, ${site.axe.checked} axe-core checks so far`);
  return problems;
}

// Breadth first from the home page; returns how many pages it opened.
async function crawl(visitor, perPattern, problems) {
  const seen = new Set(['/']);
  const shapes = new Map();
  const queue = ['/'];
  let opened = 0;
  while (queue.length > 0 && opened < MAX_PAGES) {
    const path = queue.shift();
    opened += 1;
    try {
      await visitor.open(path);
    } catch (error) {
      problems.push(error instanceof PageFailure ? error.message : `${visitor.label}: ${path}: ${error.message}`);
      continue;
    }
    for (const href of await visitor.hrefs()) {
      const link = normalise(href);
      if (!link || seen.has(link) || SKIPPED.some((pattern) => pattern.test(link))) {
        continue;
      }
      seen.add(link);
      const key = shape(link);
      const count = shapes.get(key) || 0;
      if (count >= perPattern) {
        continue;
      }
      shapes.set(key, count + 1);
      queue.push(link);
    }
  }
  return opened;
}

function normalise(href) {
  const url = new URL(href, 'http://site.invalid');
  if (url.host !== 'site.invalid') {
    return null;
  }
  return url.pathname + url.search;
}

// Paging links differ only by their cursor: one shape.
const CURSORS = new Set(['after', 'before', 'cursor', 'page']);

// The shape of a link: ids and numbers replaced, cursors dropped (tabs
// such as ?queue=ekg stay apart).
export function shape(link) {
  const url = new URL(link, 'http://site.invalid');
  const path = url.pathname
    .split('/')
    .map((segment) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(segment) || /^\d+$/.test(segment) || /^[0-9A-Z]{26}$/.test(segment) ? ':id' : segment))
    .join('/');
  const keys = [...url.searchParams.entries()]
    .map(([name, value]) => (CURSORS.has(name) ? name : `${name}=${value}`))
    .sort()
    .join('&');
  return keys ? `${path}?${keys}` : path;
}
