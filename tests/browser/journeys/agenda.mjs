// Journey (c): the Fachstelle, as the EKG's secretariat, schedules a
// meeting (a refused try without a title keeps the place), puts a concern
// on the agenda, sends the agenda and minutes the item with a decision; the
// meeting's page shows the decision and the concern's page leads to the
// meeting. Routes and fields: task D (meetings) and task A (concerns).

import { FIRST, PageFailure, idAfter } from '../lib/visitor.mjs';

export async function journey(site, { log }) {
  const petra = await site.as('petra');
  await petra.open('/meetings');
  await petra.followHref(/^\/meetings\/new$/);
  const day = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const title = `EKG-Sitzung Browser ${Date.now() % 100000}`;
  const meetingForm = 'form[action="/meetings/new"]';
  const slot = { body: /\(EKG\)/, day, starts: '14:00', ends: '16:00', place: 'Bern, BSV' };
  await petra.submit(meetingForm, { ...slot, title: '' }, { expectRefusal: true });
  if (!(await petra.fieldError('title'))) {
    throw new PageFailure('a meeting without a title shows no error at "title"');
  }
  if ((await petra.value('place')) !== slot.place) {
    throw new PageFailure('the refused meeting did not keep the place');
  }
  await petra.submit(meetingForm, { ...slot, title });
  const meeting = `/meetings/${idAfter(petra, '/meetings')}`;
  log(`journey-c: petra scheduled ${meeting}`);

  await petra.followHref(/\/items\/new$/);
  await petra.submit(`form[action="${meeting}/items"]`, {
    title: 'Anliegen zur Prüfung',
    purpose: 'decision',
    subject: /^concern:/,
    note: 'Antrag der Fachstelle',
  });
  await petra.open(meeting);
  await petra.submit(`form[action="${meeting}/send"]`);
  log('journey-c: the agenda is sent');

  await petra.open(meeting);
  const concern = (await petra.hrefs('main')).find((href) => /^\/concerns\/[0-9a-f-]{36}$/.test(href));
  await petra.followHref(/\/items\/1\/minutes$/);
  const outcome = 'Die EKG nimmt das Anliegen zur weiteren Bearbeitung entgegen.';
  await petra.submit(`form[action="${meeting}/items/1/minutes"]`, {
    note: 'Diskussion mit allen Anwesenden.',
    outcome,
    rationale: 'Breit abgestützt.',
    resolution: 'consensus',
    'present?': FIRST,
  });
  await petra.open(meeting);
  await petra.expectText(outcome);
  if (!concern) {
    throw new PageFailure(`the agenda of ${meeting} does not link its concern`);
  }
  await petra.open(concern);
  if (!(await petra.hrefs('main')).includes(meeting)) {
    throw new PageFailure(`the concern ${concern} does not lead to the meeting ${meeting} that handled it`);
  }
  await petra.close();
  log('journey-c: the minutes show the decision, the concern leads to the meeting');
}
