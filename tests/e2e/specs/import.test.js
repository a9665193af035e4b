// Importing HR exports (assets/samples, counts from its README). The demo company uses other HR ids
// (LA…) and e-mail domains, so every sample row is new to the database.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  textsOf,
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

/** Writes `text` (UTF-8) to a new file `name` in a scratch folder of its own; returns its path. */
function scratchFile(name, text) {
  const dir = mkdtempSync(path.join(process.env.TANDEM_E2E_TMP ?? tmpdir(), 'import-file-'));
  const file = path.join(dir, name);
  writeFileSync(file, text, 'utf8');
  return file;
}

/** Clicks after scrolling the element to the middle of the window, clear of the sticky action bar. */
async function clickCentered(driver, id) {
  const el = await waitVisible(driver, id);
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", el);
  await el.click();
}

/** Import stays disabled until HR confirms the columns left out; ticks the confirmation. */
async function confirmIgnoredColumns(driver) {
  const commit = await waitVisible(driver, 'import-commit');
  assert.equal(await commit.isEnabled(), false, 'Import waits for the columns left out to be confirmed');
  await waitVisible(driver, 'import-confirm-first');
  await clickCentered(driver, 'import-ignored-confirm');
  await driver.wait(until.elementIsEnabled(commit), WAIT, 'Import is not enabled once the columns left out are confirmed');
  return commit;
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
    assert.match(duplicate, /Le matricule « E3002 » figure déjà à la ligne 3\./, `the duplicate HR id row: ${duplicate}`);
    assert.match(duplicate, /Ligne 6/, `the row as a spreadsheet numbers it: ${duplicate}`);
    assert.ok(duplicate.includes('Lucas Henry'), `the person's name from the file: ${duplicate}`);
    const invalid = texts.find((t) => t.includes('Paul Blanc')) ?? '';
    assert.ok(invalid.includes('« paul.blanc@ »'), `the value at fault, quoted: ${invalid}`);
    for (const text of texts) assert.doesNotMatch(text, /already|is required|not a date/, `English in a French row: ${text}`);
    await waitVisible(driver, 'import-export-rejected');
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

    // The Notes column holds values but no field takes it: HR confirms it is left out.
    const ignored = await textsOf(driver, 'import-ignored-column');
    assert.equal(ignored.length, 1, `one column left out: ${JSON.stringify(ignored)}`);
    assert.ok(ignored[0].startsWith('Notes'), `the Notes column is left out: ${ignored[0]}`);
    const commit = await confirmIgnoredColumns(driver);
    await commit.click();
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

  it('shows the old and the new value of each change before a re-import', async () => {
    const sample = readFileSync(path.join(SAMPLES, 'hr-export-utf8-comma.csv'), 'utf8');
    assert.equal(sample.split(',Directrice générale,').length, 2, 'the CEO’s title appears once in the sample');
    const file = scratchFile('hr-export-new-title.csv', sample.replace(',Directrice générale,', ',Présidente-directrice générale,'));

    await chooseFile(driver, file);
    assert.deepEqual(await previewCounts(driver), { new: 0, updated: 1, unchanged: 11, rejected: 0 });
    // Same header line as the file imported before: its mapping comes back.
    await waitVisible(driver, 'import-remembered');

    await clickCentered(driver, 'import-changes-toggle');
    await waitVisible(driver, 'import-change');
    const people = await textsOf(driver, 'import-change');
    assert.equal(people.length, 1, `one person changes: ${JSON.stringify(people)}`);
    assert.ok(people[0].includes('Claire Moreau') && people[0].includes('E1001'), `the CEO, by name and HR id: ${people[0]}`);
    const fields = await textsOf(driver, 'import-change-field');
    assert.equal(fields.length, 1, `one field changes: ${JSON.stringify(fields)}`);
    assert.ok(fields[0].startsWith('Job title'), `the field's label: ${fields[0]}`);
    assert.equal(await textOf(driver, 'import-change-before'), 'Directrice générale');
    assert.equal(await textOf(driver, 'import-change-after'), 'Présidente-directrice générale');
    await shot(driver, 'import-changes');

    await (await waitVisible(driver, 'import-cancel')).click();
    await driver.wait(async () => (await textOf(driver, 'import-count-new')) === null, WAIT, 'the preview did not close');
  });

  it('lists a column no field takes, with its first values, and imports only once HR confirms it is left out', async () => {
    const file = scratchFile(
      'export-with-unknown-column.csv',
      [
        'Employee ID,First Name,Last Name,Email,Libellé de la tâche occupée',
        'E9501,Inès,Vasseur,ines.vasseur@tache.exemple.fr,Cheffe de projet',
        'E9502,Malik,Perret,malik.perret@tache.exemple.fr,Comptable',
        '',
      ].join('\n'),
    );

    await chooseFile(driver, file);
    assert.deepEqual(await previewCounts(driver), { new: 2, updated: 0, unchanged: 0, rejected: 0 });
    const ignored = await textsOf(driver, 'import-ignored-column');
    assert.equal(ignored.length, 1, `one column left out: ${JSON.stringify(ignored)}`);
    assert.ok(ignored[0].includes('Libellé de la tâche occupée'), `the column's header: ${ignored[0]}`);
    assert.ok(ignored[0].includes('Cheffe de projet'), `the column's first value: ${ignored[0]}`);
    await driver.executeScript("document.querySelector('[data-testid=\"import-ignored\"]').scrollIntoView({ block: 'center' })");
    await shot(driver, 'import-ignored');

    const commit = await confirmIgnoredColumns(driver);
    await commit.click();
    await waitVisible(driver, 'import-result');
    await waitText(driver, 'import-result-created', (t) => t === '2', 'the result does not report 2 created');
  });
});
