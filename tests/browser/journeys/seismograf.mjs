// Journey (a), the Seismograf through the pages only: Zurich's coordinator
// drafts a concern (a refused draft first keeps what was typed), Zurich's
// route is walked by its office and its Trägerschaft, the coordinator
// submits it past the similar concerns, the Fachstelle accepts it from its
// queue, the EKG examines it and proposes it to the STG by circular
// resolution (Jonas and the EKG chair answer), the STG decides it by
// circular resolution (Marco and Beatrice answer), the Fachstelle gives the
// official answer and the coordinator reads it on the concern's page.
// Routes and fields: task A (concerns) and task D (resolutions).

import { FIRST, PageFailure, idAfter } from '../lib/visitor.mjs';
import { closeResolution, proposeResolution, vote } from './bodies.mjs';

export async function journey(site, { log }) {
  const title = `Gemeinsame Abklärung Langzeitarbeitslose ${Date.now() % 100000}`;
  const anna = await site.as('anna', { lang: 'de' });
  const concern = await draft(anna, title);
  log(`journey-a: anna drafted ${concern}`);
  await anna.submit('form[action$="/start-route"]');

  for (const key of ['reto', 'sabine']) {
    const member = await site.as(key, { lang: 'de' });
    await member.open(concern);
    await member.submit('form[action$="/step"]', { step_outcome: FIRST, step_rationale: 'Geprüft und besprochen.' });
    await member.close();
  }
  log('journey-a: the ZH route is done');

  // Submitting shows the similar concerns first; Zurich submits anyway.
  await anna.open(concern);
  await anna.followHref(/\/submit$/);
  await anna.submit('form[action$="/submit"]', { channel: 'via_fachstelle' });
  await anna.expectText(title);

  const petra = await site.as('petra', { lang: 'de' });
  await petra.open('/queue');
  await petra.expectText(title);
  const row = petra.page.locator('main tr', { hasText: title });
  await petra.navigate(row.locator('form[action$="/accept"] button').first(), 'accept from the queue');
  log('journey-a: petra accepted it from the queue');

  // The EKG examines and proposes to the STG; the STG decides.
  const examined = await proposeResolution(petra, 'EKG', {
    title: `EKG: ${title}`,
    subject: concernId(concern),
    effect: 'examine',
    ekg_outcome: 'propose_to_stg',
    stg_outcome: 'project',
  });
  await vote(site, ['jonas', 'nicole'], examined, ['martin']);
  await closeResolution(petra, examined);
  log('journey-a: the EKG proposed it to the STG');

  const decided = await proposeResolution(petra, 'STG', {
    title: `STG: ${title}`,
    subject: concernId(concern),
    effect: 'decide',
    stg_outcome: 'project',
  });
  await vote(site, ['marco', 'beatrice'], decided);
  await closeResolution(petra, decided);
  log('journey-a: the STG decided it');

  await petra.open(concern);
  const answer = 'Die STG lanciert ein Projekt zur gemeinsamen Abklärung.';
  await petra.submit('form[action$="/answer"]', { answer_text: answer });
  await anna.open(concern);
  await anna.expectText(answer);
  // The timeline names the resolutions the bodies decided by.
  await anna.expectText(/Zirkularbeschluss|résolution|circolare/i);
  for (const visitor of [anna, petra]) {
    await visitor.close();
  }
  log('journey-a: anna reads the answer');
}

// Drafts the concern; a first try without a title is refused at "title"
// and keeps the description. Returns the concern's path.
async function draft(anna, title) {
  const description = 'Langzeitarbeitslose werden von RAV und Sozialhilfe doppelt abgeklärt.';
  const why = 'Betrifft Bundesrecht (AVIG) und die Praxis aller Kantone.';
  await anna.open('/concerns/new');
  const form = 'form[action="/concerns/new"]';
  const fields = { description, why_not_cantonal: why, institutions: FIRST };
  await anna.submit(form, { ...fields, title: '' }, { expectRefusal: true });
  if (!(await anna.fieldError('title'))) {
    throw new PageFailure('a draft without a title shows no error at "title"');
  }
  if ((await anna.value('description')) !== description) {
    throw new PageFailure('the refused draft did not keep the description');
  }
  await anna.submit(form, { ...fields, title });
  await anna.expectText(title);
  return `/concerns/${idAfter(anna, '/concerns')}`;
}

function concernId(path) {
  return `concern:${path.split('/').pop()}`;
}
