// Journey (d): an account's life, without JavaScript. The national admin
// invites Lea; the invitation arrives as an e-mail (read from the `.eml`
// files the embedded default writes, IIZ_MAIL_DIR); Lea chooses a password
// (a mismatch is refused first), signs in, and signs out everywhere, which
// ends her other browser's session too. She forgets her password: the
// reset link comes by e-mail, works once, and the used link then answers
// with the "link gone" page. Wrong passwords in a row end in the throttle's
// 429 page. Every page on the way passes axe-core.

import fs from 'node:fs';
import path from 'node:path';

import { FIRST, PageFailure, idAfter } from '../lib/visitor.mjs';

const PASSWORDS = ['lea-browser-first-2026', 'lea-browser-second-2026'];

export async function journey(site, { log }) {
  const mailDir = process.env.IIZ_MAIL_DIR;
  if (!mailDir) {
    throw new PageFailure('IIZ_MAIL_DIR is not set: the journey reads the links from the e-mails written as files');
  }
  const stamp = Date.now() % 1_000_000;
  const lea = { email: `lea.browser${stamp}@ch.example`, role: 'invited person' };

  const admin = await site.as('admin', { lang: 'de' });
  await admin.open('/admin/people');
  await admin.submit('form#register-form', { name: `Lea Browser ${stamp}`, email: lea.email, language: FIRST }, { buttonCss: '#invite-button' });
  const person = idAfter(admin, '/admin/people');
  log(`journey-d: admin invited ${lea.email} (${person})`);
  await admin.close();

  // The invitation: a mismatch is refused next to the field, then the password is set.
  const invitation = await linkIn(mailDir, lea.email, 'invitation');
  const first = await newcomer(site, lea);
  await first.open(invitation);
  await first.submit('form#set-password-form', { password: PASSWORDS[0], password_again: 'something else entirely' }, { expectRefusal: true });
  if (!(await first.fieldError('password_again'))) {
    throw new PageFailure('a mismatched password shows no error at "password_again"');
  }
  await first.submit('form#set-password-form', { password: PASSWORDS[0], password_again: PASSWORDS[0] });
  expectPath(first, '/signin');
  await first.signIn(PASSWORDS[0]);
  // A used invitation opens nothing: the "link gone" page.
  await first.open(invitation, { status: 404 });

  // Signed in twice; signing out everywhere ends the other session too.
  const second = await newcomer(site, lea);
  await second.signIn(PASSWORDS[0]);
  await first.open('/profile');
  await first.submit('form#sessions-form');
  await second.open('/');
  expectPath(second, '/signin');
  await first.close();
  log('journey-d: Lea set her password and signed out everywhere');

  // A password reset: asked for on the sign-in page's link, e-mailed, used once.
  await second.open('/signin');
  await second.followHref(/^\/account\/forgot$/);
  await second.submit('form#forgot-form', { email: lea.email });
  expectPath(second, '/signin');
  const reset = await linkIn(mailDir, lea.email, 'reset');
  await second.open(reset);
  await second.submit('form#set-password-form', { password: PASSWORDS[1], password_again: PASSWORDS[1] });
  await second.open(reset, { status: 404 });
  await second.signIn(PASSWORDS[1]);
  // An error page, signed in: the frame with the language switcher.
  await second.open('/no-such-page', { status: 404 });
  await second.close();
  log('journey-d: Lea reset her password with the e-mailed link');

  // Guessing: after the free attempts the sign-in answers 429 and says when to try again.
  const guesser = await newcomer(site, lea);
  let status = 0;
  for (let attempt = 0; attempt < 6 && status !== 429; attempt += 1) {
    await guesser.open('/signin');
    status = await guesser.submit('form[action="/signin"]', { email: lea.email, password: `wrong ${attempt}` }, { expectRefusal: [422, 429] });
  }
  if (status !== 429) {
    throw new PageFailure('six wrong passwords in a row were never throttled (429)');
  }
  await guesser.close();
  log('journey-d: wrong passwords in a row met the throttle');
}

// A browser for Lea, not signed in.
async function newcomer(site, person) {
  const visitor = await site.visitor('admin');
  visitor.key = 'lea';
  visitor.person = person;
  return visitor;
}

function expectPath(visitor, expected) {
  if (new URL(visitor.page.url()).pathname !== expected) {
    throw new PageFailure(`${visitor.label}: expected to be on ${expected}, am on ${visitor.path()}`);
  }
}

// The path of the newest `/account/<kind>/…` link e-mailed to `address`;
// waits a little, as a reset is sent after the answer.
async function linkIn(dir, address, kind) {
  const pattern = new RegExp(`/account/${kind}/[A-Za-z0-9_-]+`, 'g');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.eml'))
      .map((name) => path.join(dir, name))
      .map((file) => ({ time: fs.statSync(file).mtimeMs, text: decode(fs.readFileSync(file, 'latin1')) }))
      .filter(({ text }) => text.toLowerCase().includes(address.toLowerCase()))
      .sort((a, b) => b.time - a.time)
      .flatMap(({ text }) => text.match(pattern) || []);
    if (found.length > 0) {
      return found[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new PageFailure(`no ${kind} e-mail to ${address} in ${dir}`);
}

// The headers and the decoded body of a one-part e-mail (7bit, quoted-printable or base64).
function decode(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).trim();
  const encoding = (/^content-transfer-encoding:\s*(\S+)/im.exec(headers) || [])[1] || '7bit';
  let text = body;
  if (/^base64$/i.test(encoding)) {
    text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  } else if (/^quoted-printable$/i.test(encoding)) {
    text = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  }
  return `${headers}\n\n${text}`;
}
