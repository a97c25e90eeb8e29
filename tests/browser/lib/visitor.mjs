// One person in the browser: signs in through the sign-in page, opens
// pages and submits forms as they are on the page, and after every page
// asserts that it answered below 400 and passes axe-core. Fields are found
// by their name and forms by their action (the pages' contract), buttons by
// their role and accessible name.

import { PASSWORD, PEOPLE } from './people.mjs';

export class PageFailure extends Error {}

// A field value meaning "whatever the form offers first": the first option
// with a value, the first box or radio button.
export const FIRST = Symbol('first offered');

export class Visitor {
  constructor(site, key, context, page, javaScript) {
    this.site = site;
    this.javaScript = javaScript;
    this.key = key;
    this.person = PEOPLE[key];
    this.context = context;
    this.page = page;
    this.status = 0;
  }

  get label() {
    return `${this.key} (${this.person.role})`;
  }

  url(path) {
    return new URL(path, this.site.base).toString();
  }

  // The path (with query) the browser is on.
  path() {
    const url = new URL(this.page.url());
    return url.pathname + url.search;
  }

  async lang() {
    return this.page.getAttribute('html', 'lang');
  }

  // Opens `path`; fails unless it answers below 400 (or `status`, for an
  // error page) and passes axe.
  async open(path, { status } = {}) {
    const response = await this.page.goto(this.url(path), { waitUntil: 'load' });
    return this.arrived(response, `GET ${path}`, status);
  }

  // Checks the page a navigation ended on; returns its status.
  async arrived(response, how, expected) {
    this.status = response ? response.status() : 0;
    const type = response ? response.headers()['content-type'] || '' : '';
    const wrong = expected === undefined ? this.status >= 400 : this.status !== expected;
    if (!response || wrong) {
      const wanted = expected === undefined ? '' : ` (expected ${expected})`;
      throw new PageFailure(`${this.label}: ${how} answered ${this.status}${wanted} at ${this.path()}${await this.refusals()}`);
    }
    if (type.startsWith('text/html')) {
      await this.site.accessible(this, !this.javaScript ? await response.text() : undefined);
    }
    return this.status;
  }

  // What a refused form says (its errors, at the form and at the fields).
  async refusals() {
    const shown = await this.page
      .locator('[role="alert"], .field-error')
      .evaluateAll((all) => all.map((element) => `${element.id || element.className}: ${element.textContent.replace(/\s+/g, ' ').trim()}`));
    return shown.length > 0 ? `; the page says: ${shown.join(' | ')}` : '';
  }

  async signIn(password = PASSWORD) {
    await this.open('/signin');
    await this.submit('form[action="/signin"]', { email: this.person.email, password });
    if (new URL(this.page.url()).pathname !== '/') {
      throw new PageFailure(`${this.label}: sign-in ended on ${this.path()}`);
    }
  }

  // Switches the pages' language with the header's buttons.
  async switchLanguage(code) {
    const form = this.page.locator('form.language-switcher');
    await this.navigate(form.locator(`button[name="language"][value="${code}"]`), `language ${code}`);
    const now = await this.lang();
    if (now !== code) {
      throw new PageFailure(`${this.label}: the language switch to ${code} left the page in ${now}`);
    }
  }

  // The form matching `formCss` (the first, or the one containing `within`).
  form(formCss, { containing } = {}) {
    let form = this.page.locator(formCss);
    if (containing) {
      form = form.filter({ hasText: containing });
    }
    return form.first();
  }

  // Fills `fields` (name → value; an array checks those boxes, FIRST takes
// the first choice, a RegExp the matching option, "name?" is optional) into the
  // form and presses its button (`button`: the accessible name, `buttonCss`:
  // a selector, else the form's only or first submit button).
  // `expectRefusal`: true for 422, or the statuses the answer may have.
  async submit(formCss, fields = {}, { button, buttonCss, containing, expectRefusal = false } = {}) {
    const form = this.form(formCss, { containing });
    if ((await form.count()) === 0) {
      throw new PageFailure(`${this.label}: no form ${formCss} on ${this.path()}`);
    }
    await fill(form, fields);
    let press = form.locator('button[type="submit"], button:not([type]), input[type="submit"]');
    if (button) {
      press = form.getByRole('button', { name: button });
    } else if (buttonCss) {
      press = form.locator(buttonCss);
    }
    const status = await this.navigate(press.first(), `${formCss} on ${this.path()}`, { expectRefusal });
    return status;
  }

  // Clicks and follows the navigation it starts (POST-redirect-GET included).
  async navigate(target, how, { expectRefusal = false } = {}) {
    if ((await target.count()) === 0) {
      throw new PageFailure(`${this.label}: nothing to press for ${how} on ${this.path()}`);
    }
    const [response] = await Promise.all([
      this.page.waitForNavigation({ waitUntil: 'load' }),
      target.click(),
    ]);
    if (expectRefusal) {
      const status = response ? response.status() : 0;
      const allowed = expectRefusal === true ? [422] : [expectRefusal].flat();
      if (!allowed.includes(status)) {
        throw new PageFailure(`${this.label}: ${how} was expected to be refused (${allowed.join(' or ')}), got ${status}`);
      }
      this.status = status;
      await this.site.accessible(this, !this.javaScript ? await response.text() : undefined);
      return status;
    }
    return this.arrived(response, how);
  }

  // Follows the first link whose accessible name matches `name` (inside `within`).
  async follow(name, within = 'main') {
    const link = this.page.locator(within).getByRole('link', { name }).first();
    if ((await link.count()) === 0) {
      throw new PageFailure(`${this.label}: no link ${name} on ${this.path()}`);
    }
    return this.navigate(link, `link ${name}`);
  }

  // Follows the first link in `within` whose href matches `pattern`.
  async followHref(pattern, within = 'main') {
    const hrefs = await this.hrefs(within);
    const href = hrefs.find((candidate) => pattern.test(candidate));
    if (!href) {
      throw new PageFailure(`${this.label}: no link matching ${pattern} on ${this.path()}`);
    }
    await this.open(href);
    return href;
  }

  // The site-local hrefs of the links in `within`.
  async hrefs(within = 'body') {
    const all = await this.page.locator(`${within} a[href]`).evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    return all.filter((href) => href && href.startsWith('/') && !href.startsWith('//'));
  }

  async text(css = 'main') {
    return (await this.page.locator(css).first().innerText()).replace(/\s+/g, ' ').trim();
  }

  // Fails unless the page's main part says `expected` (string or RegExp).
  async expectText(expected, css = 'main') {
    const text = await this.text(css);
    const found = expected instanceof RegExp ? expected.test(text) : text.includes(expected);
    if (!found) {
      throw new PageFailure(`${this.label}: ${this.path()} does not show ${expected}; it shows: ${text.slice(0, 600)}`);
    }
  }

  // The error shown next to field `name` (the frame's `<name>-error`).
  async fieldError(name) {
    const error = this.page.locator(`[id="${name}-error"]`);
    return (await error.count()) > 0 ? (await error.first().innerText()).trim() : null;
  }

  async value(name) {
    return this.page.locator(`[name="${name}"]`).first().inputValue();
  }

  async close() {
    await this.context.close();
  }
}

async function fill(form, fields) {
  for (const [key, value] of Object.entries(fields)) {
    // "name?" fills the field only where the form has it.
    const optional = key.endsWith('?');
    const name = optional ? key.slice(0, -1) : key;
    const field = form.locator(`[name="${name}"]`);
    const count = await field.count();
    if (count === 0 && optional) {
      continue;
    }
    if (count === 0) {
      throw new PageFailure(`no field "${name}" in the form`);
    }
    const kind = await field.first().evaluate((element) => `${element.tagName.toLowerCase()}:${element.type || ''}`);
    if (value === FIRST) {
      await chooseFirst(field.first(), kind);
    } else if (value instanceof RegExp) {
      await chooseMatching(field.first(), kind, value);
    } else if (kind === 'select:select-one' || kind === 'select:select-multiple') {
      await field.first().selectOption(Array.isArray(value) ? value : String(value));
    } else if (kind === 'input:checkbox' || kind === 'input:radio') {
      const wanted = new Set((Array.isArray(value) ? value : [value]).map(String));
      for (let index = 0; index < count; index += 1) {
        const box = field.nth(index);
        const boxValue = await box.getAttribute('value');
        if (wanted.has(boxValue ?? 'on')) {
          await box.check();
        } else if (kind === 'input:checkbox') {
          await box.uncheck();
        }
      }
    } else if (kind === 'input:hidden') {
      await field.first().evaluate((element, text) => { element.value = text; }, String(value));
    } else {
      await field.first().fill(String(value));
    }
  }
}

async function chooseFirst(field, kind) {
  if (kind.startsWith('select:')) {
    const values = await field.locator('option').evaluateAll((options) => options.map((option) => option.value));
    const offered = values.find((value) => value !== '');
    if (offered === undefined) {
      throw new PageFailure('a select offers nothing to choose');
    }
    await field.selectOption(offered);
  } else if (kind === 'input:checkbox' || kind === 'input:radio') {
    await field.check();
  } else {
    throw new PageFailure(`FIRST is for choices, not for ${kind}`);
  }
}

// A select's option whose value or text matches `pattern`.
async function chooseMatching(field, kind, pattern) {
  if (!kind.startsWith('select:')) {
    throw new PageFailure(`a pattern chooses an option, not a ${kind}`);
  }
  const options = await field.locator('option').evaluateAll((all) => all.map((option) => [option.value, option.textContent]));
  const found = options.find(([value, text]) => value !== '' && (pattern.test(value) || pattern.test(text)));
  if (!found) {
    throw new PageFailure(`no option matches ${pattern} among ${options.map(([value]) => value).join(', ')}`);
  }
  await field.selectOption(found[0]);
}

// The id in the visitor's path after `prefix` (/concerns/<id> → <id>).
export function idAfter(visitor, prefix) {
  const match = new RegExp(`^${prefix}/([^/?#]+)`).exec(visitor.path());
  if (!match || match[1] === 'new') {
    throw new PageFailure(`${visitor.label}: expected to be on ${prefix}/<id>, am on ${visitor.path()}`);
  }
  return match[1];
}
