// Without --db, the app uses the file TANDEM_DB names, and a new file gets the demo company.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { launch, quit, waitDirectoryCount } from '../lib/app.js';

describe('database location', { timeout: 120_000 }, () => {
  let driver;

  after(async () => {
    await quit(driver, 'database-location');
  });

  it('opens the TANDEM_DB file when no --db is given', async () => {
    const db = process.env.TANDEM_DB;
    assert.ok(db, 'run.sh sets TANDEM_DB');
    driver = await launch(null);
    assert.ok(existsSync(db), `the app created ${db}`);
    await waitDirectoryCount(driver, (n) => n > 100, 'the new database was not filled with the demo company');
  });
});
