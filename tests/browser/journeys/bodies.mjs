// The national bodies' circular resolutions through their pages (task D):
// the secretariat proposes from the body's page, each voting member answers
// on the resolution's page, the secretariat closes it once all answered.

import { PageFailure, idAfter } from '../lib/visitor.mjs';

// The German names end with the short name: "… (STG)", "… (EKG)".
const NATIONAL = { STG: /\(STG\)/, EKG: /\(EKG\)/ };

// Opens the national body `short` from /bodies; returns its path.
export async function openBody(visitor, short) {
  await visitor.open('/bodies');
  await visitor.follow(NATIONAL[short]);
  return `/bodies/${idAfter(visitor, '/bodies')}`;
}

// Proposes a circular resolution of body `short`; returns its path.
export async function proposeResolution(secretariat, short, fields) {
  await openBody(secretariat, short);
  await secretariat.followHref(/\/resolutions\/new$/);
  await secretariat.submit('form[action$="/resolutions/new"]', {
    decision: 'Antrag gemäss Unterlagen der Fachstelle.',
    rationale: 'Betrifft mehrere Kantone.',
    ...fields,
  });
  return `/resolutions/${idAfter(secretariat, '/resolutions')}`;
}

// Each of `voters` answers yes on the resolution's page; `others` answer
// too where the page offers them the form (the demo may seat more voters,
// such as a network's delegate in the EKG).
export async function vote(site, voters, resolution, others = []) {
  for (const key of [...voters, ...others]) {
    const voter = await site.visitor(key);
    try {
      await voter.signIn();
      await voter.open(resolution);
      const form = 'form[action$="/answer"]';
      if ((await voter.page.locator(form).count()) === 0 && others.includes(key)) {
        continue;
      }
      await voter.submit(form, { vote: 'yes', comment: 'Einverstanden.' });
    } catch (error) {
      // A missing answer shows when the resolution is closed.
      if (!others.includes(key)) {
        throw error;
      }
    } finally {
      await voter.close();
    }
  }
}

export async function closeResolution(secretariat, resolution) {
  await secretariat.open(resolution);
  await secretariat.submit('form[action$="/close"]');
  if (!secretariat.path().startsWith(resolution)) {
    throw new PageFailure(`closing ${resolution} ended on ${secretariat.path()}`);
  }
}
