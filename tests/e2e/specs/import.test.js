// Importing HR exports (assets/samples, counts from its README). The demo company uses other HR ids
// (LA…) and e-mail domains, so every sample row is new to the database.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  SAMPLES,
  WAIT,
  click,
  freshDbPath,
  shot,
  launch,
  openArea,
  quit,
  searchDirectory,
  textOf,
  tid,
  until,
  waitDirectoryCount,
  waitText,
  waitVisible,
} from '../lib/app.js';

/** Hands a file to the import screen's file input, as choosing it in the file dialog would. */
async function chooseFile(driver, file) {
  await openArea(driver, 'import');
  const input = await driver.wait(until.elementLocated(tid('import-file-input')), WAIT, 'no file input');
  try {
    await input.sendKeys(file);
  } catch {
    // WebKitWebDriver may refuse a visually hidden input: show it, then choose the file.
    await driver.executeScript(
      `const el = arguments[0];
       el.classList.remove('visually-hidden');
       el.style.cssText = 'position: static; display: block; width: 200px; height: 30px; opacity: 1;';`,
      input,
    );
    await input.sendKeys(file);
  }
}

async function previewCounts(driver) {
  await waitVisible(driver, 'import-count-new');
  const counts = {};
  for (const key of ['new', 'updated', 'unchanged', 'rejected']) {
    counts[key] = Number(await textOf(driver, `import-count-${key}`));
  }
  return counts;
}

describe('HR import', { timeout: 240_000 }, () => {
  let driver;
  let total;

  before(async () => {
    driver = await launch(freshDbPath('import'));
    total = await waitDirectoryCount(driver, (n) => n > 100, 'the demo company was not loaded');
  });

  after(async () => {
    await quit(driver, 'import');
  });

  it('previews a file with errors row by row, and cancelling it changes nothing', async () => {
    await chooseFile(driver, path.join(SAMPLES, 'hr-export-with-errors.csv'));
    assert.deepEqual(await previewCounts(driver), { new: 4, updated: 0, unchanged: 0, rejected: 17 });
    const rejected = await driver.findElements(tid('import-rejected-row'));
    assert.ok(rejected.length > 0, 'the rejected rows are listed');

    // In French, each row says what is wrong in French, with the values from the file.
    await click(driver, 'lang-fr');
    await driver.executeScript("document.querySelector('[data-testid=\"import-rejected-row\"]').scrollIntoView({ block: 'center' })");
    await shot(driver, 'import-preview-fr');
    const texts = await driver.executeScript(
      "return [...document.querySelectorAll('[data-testid=\"import-rejected-row\"]')].map((r) => r.textContent);",
    );
    const duplicate = texts.find((t) => t.includes('E3002')) ?? '';
    assert.match(duplicate, /Le matricule « E3002 » figure déjà ligne 3\./, `the duplicate HR id row: ${duplicate}`);
    for (const text of texts) assert.doesNotMatch(text, /already|is required|not a date/, `English in a French row: ${text}`);
    await click(driver, 'lang-en');

    await (await waitVisible(driver, 'import-cancel')).click();
    await driver.wait(async () => (await textOf(driver, 'import-count-new')) === null, WAIT, 'the preview did not close');
    const { count } = await searchDirectory(driver, '');
    assert.equal(count, total, 'nothing was imported');
  });

  it('imports a clean export and reports its counts', async () => {
    const file = path.join(SAMPLES, 'hr-export-utf8-comma.csv');
    const rows = readFileSync(file, 'utf8').split('\n').filter((l) => /^E\d{4},/.test(l)).length;
    assert.equal(rows, 12, 'the sample holds 12 people (assets/samples/README.md)');

    await chooseFile(driver, file);
    assert.deepEqual(await previewCounts(driver), { new: 12, updated: 0, unchanged: 0, rejected: 0 });

    await (await waitVisible(driver, 'import-commit')).click();
    await waitVisible(driver, 'import-result');
    await waitText(driver, 'import-result-created', (t) => t === '12', 'the result does not report 12 created');
    assert.equal(await textOf(driver, 'import-result-rejected'), '0');

    const { count: after } = await searchDirectory(driver, '');
    assert.equal(after, total + 12, 'the directory has the 12 new people');
    const { count, rows: found } = await searchDirectory(driver, 'Moreau');
    assert.equal(count, 1);
    assert.ok(found[0].includes('Claire Moreau'), `the imported CEO is listed: ${found[0]}`);
  });

  it('finds nothing new when the same export is imported again', async () => {
    await chooseFile(driver, path.join(SAMPLES, 'hr-export-utf8-comma.csv'));
    assert.deepEqual(await previewCounts(driver), { new: 0, updated: 0, unchanged: 12, rejected: 0 });
    await (await waitVisible(driver, 'import-cancel')).click();
  });
});
