// Journey (e): the panorama, without JavaScript, axe-core on every page.
// Zürich's coordinator finds the open round from the navigation, revises
// the challenges of her 2026 profile (an empty challenge is refused at its
// field first) and sees the revision in the history; Geneva's coordinator,
// in French, reads the published 2020 panorama, its printable page and a
// comparison, reports a range for his figures, and finds Zürich's profile
// gone (404); the Fachstelle sees who is missing in the 2026 round.

import { PageFailure } from '../lib/visitor.mjs';

export async function journey(site, { log }) {
  const anna = await site.as('anna');
  await anna.open('/');
  await anna.followHref(/^\/panorama$/, 'body');
  await anna.followHref(/^\/panorama\/rounds\/2026$/);
  await anna.open('/cantons/ZH/profile/2026/edit/challenges');
  // The last row is the empty one for a new challenge (ids numbered by row).
  const form = 'form.panorama-part';
  const row = (await anna.page.locator(`${form} textarea[name="challenge_text"]`).count()) - 1;
  await anna.page.selectOption(`#challenge_category_${row}`, 'financing');
  await anna.submit(form, {}, { expectRefusal: true });
  if (!(await anna.fieldError(`challenge_text_${row}`))) {
    throw new PageFailure('a new challenge without a text shows no error at its field');
  }
  const challenge = 'Die Finanzierung der Fallführung über 2027 hinaus ist offen.';
  await anna.open('/cantons/ZH/profile/2026/edit/challenges');
  await anna.page.selectOption(`#challenge_category_${row}`, 'financing');
  await anna.page.fill(`#challenge_text_${row}`, challenge);
  await anna.submit(form, { note: 'Finanzierung ergänzt' });
  await anna.open('/cantons/ZH/profile/2026');
  await anna.expectText(challenge);
  await anna.expectText('Finanzierung ergänzt');
  await anna.close();
  log('journey-e: anna revised the challenges of ZH 2026');

  const luc = await site.as('luc', { lang: 'fr' });
  await luc.open('/panorama/2020');
  await luc.expectText(/Genève|Genf/);
  await luc.open('/panorama/2020/print');
  await luc.open('/panorama/compare?field=office&year=2020&canton=GE&canton=VD');
  await luc.open('/cantons/GE/figures/2026');
  await luc.submit('form.panorama-figures-form', {
    cases_total_kind: 'range',
    cases_total_low: '120',
    cases_total_high: '150',
  });
  await luc.open('/cantons/GE/figures');
  await luc.expectText(/120.150/);
  await luc.open('/cantons/ZH/profile/2026', { status: 404 });
  await luc.close();
  log('journey-e: luc read the 2020 panorama, reported a range, found no ZH profile');

  const petra = await site.as('petra');
  await petra.open('/panorama/rounds/2026');
  await petra.expectText(/AG|Aargau/);
  await petra.close();
  log('journey-e: petra sees the round with the cantons still missing');
}
