// Journey (c): the Fachstelle, as the EKG's secretariat, schedules a
// meeting for today (a refused try without a title keeps the place), puts
// a concern waiting at the EKG on the agenda, sends the agenda and minutes
// the item with the EKG's decision to handle the concern itself; the
// meeting's page shows the decision, and the concern's page, whose stage
// the decision moved, leads to the meeting. Routes and fields: task D
// (meetings) and task A (concerns).

import { FIRST, PageFailure, idAfter } from '../lib/visitor.mjs';

export async function journey(site, { log }) {
  const petra = await site.as('petra', { lang: 'de' });
  await petra.open('/meetings');
  await petra.followHref(/^\/meetings\/new$/);
  // Minutes are taken from the meeting's day on: the meeting is today, in Swiss time.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date());
  const title = `EKG-Sitzung Browser ${Date.now() % 100000}`;
  const meetingForm = 'form[action="/meetings/new"]';
  const slot = { body: /\(EKG\)/, day, starts: '06:00', ends: '07:00', place: 'Bern, BSV' };
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
    // A concern waiting at the EKG (the choice names each concern's stage).
    subject: /\(Beim EKG\)/,
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
    effect: 'examine',
    ekg_outcome: 'handle_in_ekg',
  });
  await petra.open(meeting);
  await petra.expectText(outcome);
  if (!concern) {
    throw new PageFailure(`the agenda of ${meeting} does not link its concern`);
  }
  await petra.open(concern);
  await petra.expectText(/EKG in Bearbeitung|EKG behandelt/);
  if (!(await petra.hrefs('main')).includes(meeting)) {
    throw new PageFailure(`the concern ${concern} does not lead to the meeting ${meeting} that handled it`);
  }
  await petra.close();
  log('journey-c: the minutes show the decision, the concern leads to the meeting');
}
