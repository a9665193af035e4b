// The interface language: switching it changes the text at once, and the choice is kept in the
// database, so the app reopens in it. Checked both ways, so the result does not depend on the
// language the system would pick by itself.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { WAIT, freshDbPath, launch, quit, textOf, waitText, waitVisible } from '../lib/app.js';

const NAV = { fr: 'Annuaire', en: 'Directory' };
const NEW_EMPLOYEE = { fr: /employé/i, en: /employee/i };

async function choose(driver, lang) {
  await (await waitVisible(driver, `lang-${lang}`)).click();
  await waitText(driver, 'nav-directory', (t) => t === NAV[lang], `the sidebar did not switch to ${lang}`);
  assert.match(await textOf(driver, 'new-employee-button'), NEW_EMPLOYEE[lang], 'the screen switched too');
  assert.equal(await (await waitVisible(driver, `lang-${lang}`)).getAttribute('aria-pressed'), 'true');
  // The choice is saved in the background; wait until the backend has it before closing the app.
  await driver.wait(
    async () =>
      (await driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        const ipc = window.__TAURI_INTERNALS__;
        if (!ipc) { done(null); return; }
        ipc.invoke('get_settings').then((s) => done(s && s.language), () => done(null));
      `)) === lang,
    WAIT,
    `the backend never saved the language ${lang}`,
  );
}

async function reopenedLanguage(db) {
  const driver = await launch(db);
  try {
    return await textOf(driver, 'nav-directory');
  } finally {
    await quit(driver);
  }
}

describe('interface language', { timeout: 300_000 }, () => {
  const db = freshDbPath('language');
  let driver;

  after(async () => {
    await quit(driver, 'language').catch(() => {});
  });

  it('switches between French and English', async () => {
    driver = await launch(db);
    assert.ok(existsSync(db), 'the app created the database given with --db');
    await choose(driver, 'fr');
    await choose(driver, 'en');
    await quit(driver);
    driver = null;
  });

  it('reopens in English after English was chosen', async () => {
    assert.equal(await reopenedLanguage(db), NAV.en);
  });

  it('reopens in French after French was chosen', async () => {
    driver = await launch(db);
    assert.equal(await textOf(driver, 'nav-directory'), NAV.en, 'still English before switching');
    await choose(driver, 'fr');
    await quit(driver);
    driver = null;
    assert.equal(await reopenedLanguage(db), NAV.fr);
  });
});
