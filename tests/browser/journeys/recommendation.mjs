// Journey (b): Geneva's coordinator (French pages) finds a recommendation
// whose answer is due from the home page (else the list), answers it —
// a partial acceptance without its justification is refused first, at the
// field, with the choice kept — and then reports the implementation; the
// addressees' table shows both. Routes and fields: task B.

import { PageFailure } from '../lib/visitor.mjs';

const RECOMMENDATION = /^\/recommendations\/[0-9a-f-]{36}$/;

export async function journey(site, { log }) {
  const luc = await site.as('luc', { lang: 'fr' });
  const recommendation = await findAnswerable(luc);
  log(`journey-b: luc answers ${recommendation}`);

  const answer = 'form[action$="/answer"]';
  await luc.submit(answer, { acceptance: 'partly_accepted', justification: '' }, { expectRefusal: true });
  if (!(await luc.fieldError('justification'))) {
    throw new PageFailure('a partial acceptance without justification shows no error at "justification"');
  }
  if ((await luc.value('acceptance')) !== 'partly_accepted') {
    throw new PageFailure('the refused answer did not keep the acceptance');
  }
  const justification = 'Genève applique la recommandation sauf pour les jeunes adultes.';
  await luc.submit(answer, { acceptance: 'partly_accepted', justification });
  await luc.open(recommendation);
  await luc.expectText(/en partie/i);

  const narrative = 'Processus commun ORP et aide sociale introduit dans deux régions.';
  const year = new Date().getFullYear();
  await luc.submit('form[action$="/report"]', {
    period_from: `${year}-01-01`,
    period_to: `${year}-06-30`,
    status: 'in_progress',
    percent: '40',
    narrative,
  });
  await luc.open(recommendation);
  await luc.expectText(/en cours/i);
  await luc.expectText(narrative);
  await luc.close();
  log('journey-b: the addressees table shows the answer and the report');
}

// The first recommendation offering Geneva the answer form: those the home
// page lists as due first, then the list's.
async function findAnswerable(visitor) {
  await visitor.open('/');
  const candidates = (await visitor.hrefs('main')).filter((href) => RECOMMENDATION.test(href));
  await visitor.open('/recommendations');
  for (const href of await visitor.hrefs('main')) {
    if (RECOMMENDATION.test(href) && !candidates.includes(href)) {
      candidates.push(href);
    }
  }
  for (const href of candidates) {
    await visitor.open(href);
    if ((await visitor.page.locator('form[action$="/answer"]').count()) > 0) {
      return href;
    }
  }
  throw new PageFailure(`no recommendation offers Geneva an answer form (looked at ${candidates.length})`);
}
