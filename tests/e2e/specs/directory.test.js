// The directory: the app opens on the demo company, and the search box filters it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ROOT,
  countIn,
  fold,
  freshDbPath,
  launch,
  quit,
  searchDirectory,
  textOf,
  textsOf,
  waitDirectoryCount,
  WAIT,
} from '../lib/app.js';

const demo = JSON.parse(readFileSync(path.join(ROOT, 'assets', 'demo', 'company.json'), 'utf8')).employees;

describe('directory', { timeout: 180_000 }, () => {
  let driver;
  let total;

  before(async () => {
    driver = await launch(freshDbPath('directory'));
  });

  after(async () => {
    await quit(driver, 'directory');
  });

  it('opens on the demo company', async () => {
    total = await waitDirectoryCount(driver, (n) => n > 100, 'the demo company was not loaded');
    assert.equal(total, demo.length, 'the count is the number of demo employees');
    await driver.wait(async () => (await textsOf(driver, 'employee-row')).length > 0, WAIT, 'no employee row is shown');
    const rows = await textsOf(driver, 'employee-row');
    const names = new Set(demo.map((e) => `${e.first_name} ${e.last_name}`));
    assert.ok(
      rows.every((r) => [...names].some((n) => r.includes(n))),
      `every row names a demo employee: ${JSON.stringify(rows.slice(0, 3))}`,
    );
  });

  it('filters the list as one types a name', async () => {
    assert.ok(total, 'the first test read the total');
    // A last name several demo employees share.
    const term = 'Roux';
    const holders = demo.filter((e) => fold(e.last_name) === fold(term));
    assert.ok(holders.length >= 2, 'the demo company has several people with this name');

    const { count, rows } = await searchDirectory(driver, term);
    assert.ok(count < total, `the count drops (${count} < ${total})`);
    assert.ok(count >= holders.length, `everyone named ${term} is found (${count} >= ${holders.length})`);
    assert.equal(rows.length, count, 'a short result list is shown whole');
    for (const e of holders) {
      assert.ok(rows.some((r) => r.includes(`${e.first_name} ${e.last_name}`)), `${e.first_name} ${e.last_name} is listed`);
    }

    // Clearing the search brings everyone back.
    const back = await searchDirectory(driver, '');
    assert.equal(back.count, total);
    assert.equal(countIn(await textOf(driver, 'directory-count')), total);
  });

  it('shows no row for a name nobody has', async () => {
    const { count, rows } = await searchDirectory(driver, 'Zzyzxq');
    assert.equal(count, 0);
    assert.equal(rows.length, 0);
  });
});
