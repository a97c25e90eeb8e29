// The browser tests: `node run.mjs [base-url] [suite...]`.
//   walk       every role crawls the pages without JavaScript, axe on each
//   journey-a  the Seismograf: a ZH draft to the answer
//   journey-b  a canton answers a recommendation and reports its implementation
//   journey-c  the Fachstelle prepares an agenda and records a decision
//   journey-d  an account's life: invitation, password, sign-out everywhere,
//              reset, throttled guessing (reads e-mails from IIZ_MAIL_DIR)
//   journey-e  the panorama: a canton revises its profile, reports figures,
//              reads the published panorama; the Fachstelle's round
//   screenshots  PNGs of the main pages in de and fr (--out <dir>)
// Without suites: walk and the five journeys. The base URL defaults to
// IIZ_BASE_URL or http://127.0.0.1:8080 (`iiz serve --demo`).

import { Site } from './lib/site.mjs';

// Each suite's module is loaded only when it runs.
const SUITES = {
  walk: async (site) => (await import('./walk.mjs')).walk(site),
  'journey-a': journey('./journeys/seismograf.mjs'),
  'journey-b': journey('./journeys/recommendation.mjs'),
  'journey-c': journey('./journeys/agenda.mjs'),
  'journey-d': journey('./journeys/accounts.mjs'),
  'journey-e': journey('./journeys/panorama.mjs'),
  screenshots: async (site, options) => (await import('./screenshots.mjs')).screenshots(site, options),
};
const DEFAULT_SUITES = ['walk', 'journey-a', 'journey-b', 'journey-c', 'journey-d', 'journey-e'];

// A journey stops at its first failed step (later steps build on it).
function journey(module) {
  return async (site) => {
    try {
      await (await import(module)).journey(site, { log: console.log });
      return [];
    } catch (error) {
      return [error.stack || String(error)];
    }
  };
}

function parse(argv) {
  const options = { base: process.env.IIZ_BASE_URL || 'http://127.0.0.1:8080', suites: [], out: 'docs/screenshots' };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--out') {
      options.out = argv[(index += 1)];
    } else if (/^https?:\/\//.test(arg)) {
      options.base = arg;
    } else if (SUITES[arg]) {
      options.suites.push(arg);
    } else {
      throw new Error(`unknown argument ${arg}; suites: ${Object.keys(SUITES).join(', ')}`);
    }
  }
  if (options.suites.length === 0) {
    options.suites = DEFAULT_SUITES;
  }
  return options;
}

const options = parse(process.argv.slice(2));
const site = await Site.open(options.base);
let failed = 0;
try {
  for (const name of options.suites) {
    const started = Date.now();
    const problems = await SUITES[name](site, options);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (problems.length === 0) {
      console.log(`ok ${name} (${seconds} s)`);
    } else {
      failed += 1;
      console.log(`FAILED ${name} (${seconds} s): ${problems.length} problem(s)`);
      for (const problem of problems) {
        console.log(`- ${problem}`);
      }
    }
  }
} finally {
  await site.close();
}
console.log(`${options.suites.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
