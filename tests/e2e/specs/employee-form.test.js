// Creating an employee by hand: a valid form adds them to the directory, an invalid one adds no one,
// and an e-mail someone already has is refused in the interface language, naming that person.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  click,
  freshDbPath,
  shot,
  launch,
  openArea,
  quit,
  searchDirectory,
  textOf,
  tid,
  typeInto,
  waitDirectoryCount,
  waitText,
  waitVisible,
} from '../lib/app.js';

async function fillForm(driver, person) {
  await openArea(driver, 'directory');
  await (await waitVisible(driver, 'new-employee-button')).click();
  for (const [field, value] of Object.entries(person)) {
    await typeInto(driver, `field-${field}`, value);
  }
  await (await waitVisible(driver, 'save-employee')).click();
}

describe('employee form', { timeout: 180_000 }, () => {
  let driver;
  let total;

  before(async () => {
    driver = await launch(freshDbPath('employee-form'));
    total = await waitDirectoryCount(driver, (n) => n > 100, 'the demo company was not loaded');
  });

  after(async () => {
    await quit(driver, 'employee-form');
  });

  it('rejects an invalid e-mail address inline and creates no one', async () => {
    await fillForm(driver, {
      external_id: 'T9002',
      first_name: 'Gaspard',
      last_name: 'Invalidus',
      email: 'gaspard.invalidus@',
      department: 'Communication',
      title: 'Chargé de veille',
    });
    const error = await waitVisible(driver, 'error-email');
    assert.notEqual((await error.getText()).trim(), '', 'the error says what is wrong');
    assert.equal(await textOf(driver, 'employee-name'), null, 'the app stays on the form');
    assert.equal((await driver.findElements(tid('save-employee'))).length, 1, 'the form is still there');

    const { count } = await searchDirectory(driver, 'Invalidus');
    assert.equal(count, 0, 'nobody was created');
    const back = await searchDirectory(driver, '');
    assert.equal(back.count, total, 'the directory still has the same number of people');
  });

  it('refuses an e-mail already in use, in French, naming who has it', async () => {
    await click(driver, 'lang-fr');
    await fillForm(driver, {
      external_id: 'T9003',
      first_name: 'Basile',
      last_name: 'Doublon',
      email: 'sylvie.ollivier@lanvoie.fr',
      department: 'Communication',
      title: 'Chargé de veille',
    });
    const banner = await waitText(
      driver,
      'form-banner',
      (t) => t.includes('L’adresse sylvie.ollivier@lanvoie.fr est déjà utilisée par Sylvie Ollivier'),
      'the refusal is not worded in French with the person who has the address',
    );
    assert.ok(!/already used/.test(banner), `no English left in the banner: ${banner}`);
    await shot(driver, 'employee-conflict-fr');
    const { count } = await searchDirectory(driver, 'Doublon');
    assert.equal(count, 0, 'nobody was created');
    await click(driver, 'lang-en');
  });

  it('adds a new employee to the directory', async () => {
    await fillForm(driver, {
      external_id: 'T9001',
      first_name: 'Ambroise',
      last_name: 'Quennec',
      email: 'ambroise.quennec@example.com',
      department: 'Communication',
      title: 'Community manager',
    });
    await waitText(driver, 'employee-name', (t) => t === 'Ambroise Quennec', 'the new employee page did not open');

    const { count, rows } = await searchDirectory(driver, 'Quennec');
    assert.equal(count, 1);
    assert.equal(rows.length, 1);
    assert.ok(rows[0].includes('Ambroise Quennec'), `the row names them: ${rows[0]}`);
    assert.ok(rows[0].includes('ambroise.quennec@example.com'), 'the row shows their e-mail');

    const all = await searchDirectory(driver, '');
    assert.equal(all.count, total + 1, 'the directory has one more person');
  });
});
