// Team mode: the app on the test command's throwaway PostgreSQL. It asks for the password, opens
// an empty team database, and a change made in the app is what a second client (psql, with its own
// connection) reads; a change made by that client shows when the screen is opened; a connection
// the server cut is taken up again without losing the screen.
//
// Needs TANDEM_TEST_POSTGRES (scripts/test.sh starts the server); without it the test says so and
// stops, except under CI, where that is a failure.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import {
  click,
  freshDbPath,
  launch,
  launchWith,
  openArea,
  quit,
  searchDirectory,
  shot,
  textOf,
  typeInto,
  waitText,
  waitVisible,
} from '../lib/app.js';

const SERVER = process.env.TANDEM_TEST_POSTGRES;
const ADMIN = process.env.TANDEM_TEST_POSTGRES_ADMIN;
const DATABASE = `tandem_e2e_${process.pid}`;

function psql(url, sql) {
  return execFileSync('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' }).trim();
}

/** The test server's URL for `database`, and its parts. */
function onDatabase(database) {
  const url = new URL(SERVER);
  const password = decodeURIComponent(url.password);
  url.pathname = `/${database}`;
  url.password = '';
  url.search = '?sslmode=disable';
  return { password, withoutPassword: url.toString(), withPassword: SERVER.replace(/\/[^/?]*(\?.*)?$/, `/${database}`) };
}

describe('team mode', { timeout: 240_000, skip: SERVER ? false : 'no test PostgreSQL server' }, () => {
  let driver;
  let target;

  before(() => {
    if (!SERVER) assert.ok(!process.env.CI, 'CI must run the team-mode test');
    psql(SERVER, `CREATE DATABASE ${DATABASE}`);
    target = onDatabase(DATABASE);
  });

  after(async () => {
    await quit(driver, 'team-mode');
    if (SERVER) psql(ADMIN ?? SERVER, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  });

  it('asks for the password, then opens the empty team database', async () => {
    driver = await launchWith(['--server', target.withoutPassword], 'start-screen');
    await waitText(driver, 'startup-error', (t) => t.includes('asks for the password'), 'the start screen does not ask for the password');
    await shot(driver, 'team-sign-in');
    await typeInto(driver, 'team-password', target.password);
    await click(driver, 'team-connect');
    await waitVisible(driver, 'search-input');
    await waitText(driver, 'database-mode', (t) => t === 'Team server', 'the sidebar does not say the team server is open');
    const { count } = await searchDirectory(driver, '');
    assert.equal(count, 0, 'a new team database has nobody yet');
    assert.equal(psql(target.withPassword, 'SELECT version FROM tandem_schema'), '15', 'Tandem created its tables');
  });

  it('writes what a second client reads, and shows what that client changed', async () => {
    await openArea(driver, 'directory');
    await (await waitVisible(driver, 'new-employee-button')).click();
    const person = {
      external_id: 'T7001',
      first_name: 'Maëlle',
      last_name: 'Serveur',
      email: 'maelle.serveur@example.com',
      department: 'Communication',
      title: 'Community manager',
    };
    for (const [field, value] of Object.entries(person)) await typeInto(driver, `field-${field}`, value);
    await click(driver, 'save-employee');
    await waitText(driver, 'employee-name', (t) => t === 'Maëlle Serveur', 'the new employee page did not open');

    assert.equal(
      psql(target.withPassword, "SELECT first_name || ' ' || last_name || ' / ' || title FROM employee WHERE external_id = 'T7001'"),
      'Maëlle Serveur / Community manager',
      'psql reads what the app wrote',
    );

    psql(target.withPassword, "UPDATE employee SET title = 'Responsable éditoriale' WHERE external_id = 'T7001'");
    const { rows } = await searchDirectory(driver, 'Serveur');
    assert.ok(rows.some((r) => r.includes('Responsable éditoriale')), `the directory shows the other client's change: ${rows}`);
  });

  it('says when the server cut the connection, and takes it up again', async () => {
    psql(ADMIN, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${DATABASE}' AND pid <> pg_backend_pid()`);
    // The first command after the cut learns of it: the banner says so and offers to reconnect.
    await openArea(driver, 'programs');
    await waitVisible(driver, 'connection-lost');
    await shot(driver, 'team-connection-lost');
    await click(driver, 'connection-retry');
    await waitVisible(driver, 'connection-back');
    assert.equal(await textOf(driver, 'connection-lost'), null, 'the banner is gone once the connection is back');
    const { count } = await searchDirectory(driver, 'Serveur');
    assert.equal(count, 1, 'the directory reads the team database again');
  });

  it('opens again straight on the team database when the password is known (time printed)', async () => {
    await quit(driver);
    driver = null;
    // Launch to an interactive directory, the team server against a file opened the same way.
    const timed = async (args) => {
      const started = Date.now();
      const d = await launchWith(args, 'search-input');
      await searchDirectory(d, '');
      const ms = Date.now() - started;
      await quit(d);
      return ms;
    };
    const solo = freshDbPath('team-mode-reference');
    await quit(await launch(solo)); // creates the file with the demo company
    const soloMs = await timed(['--db', solo]);
    const teamMs = await timed(['--server', target.withPassword + '?sslmode=disable']);
    console.log(`launch to an interactive directory: team ${teamMs} ms, solo file ${soloMs} ms (ratio ${(teamMs / soloMs).toFixed(2)})`);
    driver = await launchWith(['--server', target.withPassword + '?sslmode=disable'], 'search-input');
    await waitText(driver, 'database-mode', (t) => t === 'Team server', 'the relaunch did not open the team server');
  });
});
