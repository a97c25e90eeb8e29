// The walk without JavaScript: every demo role signs in and crawls, breadth
// first, every same-site link reachable from the home page, once in the
// profile's language and once in another one chosen with the header's
// language buttons. Every page must answer below 400 and pass axe-core.
// Bounded per role: in the first language at most 25 pages and two of one
// shape (/concerns/<id> is one shape), in the second 12 and one of each, so
// the walk stays within minutes as the demo data grows.

import { WALKERS } from './lib/people.mjs';
import { PageFailure } from './lib/visitor.mjs';

const SCALE = Number(process.env.IIZ_WALK_SCALE || 1);
const FIRST_LANGUAGE = { maxPages: Math.ceil(25 * SCALE), perShape: 2 };
const SECOND_LANGUAGE = { maxPages: Math.ceil(12 * SCALE), perShape: 1 };

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
      pages += await crawl(visitor, FIRST_LANGUAGE, problems);
      const second = OTHER[first] || 'de';
      // The switcher is in every page's header; home is sure to be a page.
      await visitor.open('/');
      await visitor.switchLanguage(second);
      pages += await crawl(visitor, SECOND_LANGUAGE, problems);
      // The switch changed the profile: give the person their language back.
      await visitor.open('/');
      await visitor.switchLanguage(first);
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
async function crawl(visitor, { maxPages, perShape }, problems) {
  const seen = new Set(['/']);
  const shapes = new Map();
  // Each page with the page that linked to it, to say where a broken link is.
  const queue = [['/', 'the start']];
  let opened = 0;
  while (queue.length > 0 && opened < maxPages) {
    const [path, from] = queue.shift();
    opened += 1;
    try {
      await visitor.open(path);
    } catch (error) {
      const what = error instanceof PageFailure ? error.message : `${visitor.label}: ${path}: ${error.message}`;
      problems.push(`${what} (linked from ${from})`);
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
      if (count >= perShape) {
        continue;
      }
      shapes.set(key, count + 1);
      queue.push([link, path]);
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
