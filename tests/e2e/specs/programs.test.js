// A program from start to review on the demo company: create it, add every eligible mentor and
// mentee, run matching, read a pair's explanation, try a what-if, and lock a pair.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  By,
  WAIT,
  freshDbPath,
  launch,
  openArea,
  quit,
  textOf,
  textsOf,
  tid,
  typeInto,
  until,
  waitText,
  waitVisible,
  click,
  shot,
} from '../lib/app.js';

/** Sets a range input's value as a drag would, so the app sees an input event. */
async function slide(driver, id, value) {
  await waitVisible(driver, id);
  await driver.executeScript(
    `const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
     el.value = String(arguments[1]);
     el.dispatchEvent(new Event('input', { bubbles: true }));`,
    id,
    value,
  );
}

describe('programs', { timeout: 600_000 }, () => {
  const db = freshDbPath('programs');
  let driver;

  after(async () => {
    await quit(driver).catch(() => {});
  });

  it('opens on the demo program already under way', async () => {
    driver = await launch(db);
    await click(driver, 'lang-en');
    await openArea(driver, 'programs');
    await waitText(driver, 'program-list', (t) => /Programme pilote/.test(t), 'the demo program is not listed on a new database');
    await shot(driver, 'programs-demo');
  });

  it('creates a program and adds its participants', async () => {
    await click(driver, 'new-program');
    await click(driver, 'program-save');
    await waitText(driver, 'error-name', (t) => t.length > 0, 'a program without a name is refused on its field');
    await shot(driver, 'programs-editor-error');
    await typeInto(driver, 'program-name', 'Spring 2026');
    await click(driver, 'program-save');
    await waitVisible(driver, 'column-mentor');
    // One mentor by name first (Mathis Bensaïd is a mentor of the demo company; the search ignores accents), then everyone.
    await typeInto(driver, 'search-mentor', 'Bensaid');
    const add = await driver.wait(until.elementLocated(By.css('[data-testid="column-mentor"] .results button')), WAIT, 'no search result to add');
    await shot(driver, 'programs-search');
    await add.click();
    await waitText(driver, 'column-mentor', (t) => /Mathis Bensa.d/.test(t), 'the mentor found by name was not added');
    await click(driver, 'add-all-mentor');
    await click(driver, 'add-all-mentee');
    await waitText(driver, 'tab-participants', (t) => Number(t.replace(/\D/g, '')) > 2, 'participants were not added');
    await shot(driver, 'programs-participants');
  });

  it('runs matching and explains every pair', async () => {
    await click(driver, 'tab-review');
    await waitVisible(driver, 'review-empty-proposal');
    await shot(driver, 'programs-no-proposal');
    await click(driver, 'run-matching');
    await waitVisible(driver, 'review-summary', WAIT * 2);
    const why = await textsOf(driver, 'pair-why');
    assert.ok(why.length > 0, 'pairs are listed');
    assert.ok(why.every((w) => w.length > 10), `each pair says why: ${JSON.stringify(why.slice(0, 3))}`);
    await shot(driver, 'programs-review');
  });

  it('shows a what-if live and locks a pair', async () => {
    await slide(driver, 'wi-availability', 100);
    await waitText(driver, 'wi-total', (t) => t.includes('→'), 'the what-if never showed a total');
    await shot(driver, 'programs-what-if');
    const first = (await driver.findElements(tid('lock')))[0];
    await first.click();
    await driver.wait(async () => (await textsOf(driver, 'pair')).some((p) => /Locked/.test(p)), WAIT, 'no pair shows Locked');
  });

  it('offers the best alternatives when changing a mentor', async () => {
    const change = (await driver.findElements(tid('change')))[1];
    await change.click();
    await waitVisible(driver, 'change-mentor');
    assert.match(await textOf(driver, 'change-mentor'), /Best alternatives|Any mentor/);
    await shot(driver, 'programs-change-mentor');
    await driver.executeScript("document.querySelector('[data-testid=\"change-mentor\"]').dispatchEvent(new Event('cancel'))");
    await driver.wait(async () => (await textOf(driver, 'change-mentor')) === null, WAIT, 'the dialog did not close');
  });

  it('asks before assigning a mentor who is already full, then assigns by hand', async () => {
    const change = (await driver.findElements(tid('change')))[2];
    await change.click();
    await waitVisible(driver, 'change-mentor');
    // Every mentor takes one mentee and all are matched: the best alternative is full.
    await (await driver.findElements(tid('choose-alternative')))[0].click();
    await waitText(driver, 'assign-warnings', (t) => /already has 1 of 1/.test(t), 'the full mentor was not reported');
    await shot(driver, 'programs-assign-warning');
    await click(driver, 'assign-force');
    await driver.wait(async () => (await textsOf(driver, 'pair')).some((p) => /Chosen by hand/.test(p)), WAIT, 'no pair shows it was chosen by hand');
  });

  it('excludes a pair, lists the exclusion and approves the rest', async () => {
    const before = (await textsOf(driver, 'pair')).length;
    await (await driver.findElements(tid('exclude')))[0].click();
    await waitText(driver, 'exclusions', (t) => t.length > 0, 'the exclusion is not listed');
    await driver.wait(async () => (await textsOf(driver, 'pair')).length === before - 1, WAIT, 'the excluded pair stayed');
    await click(driver, 'approve-all');
    await click(driver, 'confirm-button');
    await driver.wait(async () => (await textsOf(driver, 'pair')).every((p) => /Approved/.test(p)), WAIT, 'not every pair is approved');
    await shot(driver, 'programs-approved');
    // The mentee of the excluded pair waits for a mentor, with the reason.
    await driver.executeScript("document.querySelector('[data-testid=\"unmatched-list\"]').scrollIntoView({ block: 'center' })");
    assert.ok((await textOf(driver, 'unmatched-list')).length > 0, 'the unmatched mentee is listed');
    await shot(driver, 'programs-unmatched');
  });

  it('explains pairs in French', async () => {
    await click(driver, 'lang-fr');
    await waitText(driver, 'tab-review', (t) => t.startsWith('Binômes'), 'the tabs did not switch to French');
    const why = await textsOf(driver, 'pair-why');
    assert.ok(why.some((w) => /disponibilités communes|créneau commun/.test(w)), JSON.stringify(why.slice(0, 2)));
    await driver.executeScript("document.querySelector('details.more')?.setAttribute('open', '')");
    await shot(driver, 'programs-review-fr');
  });

  it('exports the pairs where the save dialog would', { skip: !process.env.TANDEM_EXPORT_DIR }, async () => {
    await click(driver, 'export-menu');
    await click(driver, 'export-pairs');
    await waitText(driver, 'toast', (t) => t.includes('-pairs.csv'), 'no toast with the saved path');
    await shot(driver, 'programs-exported');
    const dir = process.env.TANDEM_EXPORT_DIR;
    const file = readdirSync(dir).find((name) => name.endsWith('-pairs.csv'));
    assert.ok(file, `no pairs CSV in the export folder: ${readdirSync(dir)}`);
    const lines = readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.match(lines[0], /^mentee/, 'the export starts with its header');
    assert.ok(lines.length > 1, 'the export lists the pairs');
  });

  it('lists the program with its counts', async () => {
    await openArea(driver, 'programs');
    await waitText(driver, 'program-list', (t) => t.includes('Spring 2026'), 'the program is not listed');
    await shot(driver, 'programs-list');
  });
});
