// Who is who, in team mode. HR moves the demo company into a team database and links the logins of
// a mentor and of their mentee's manager. The mentor signs in, completes their profile and logs a
// session with a private note; the manager signs in and reads the summary of that session, never
// the note, and cannot open the pair; HR reads both.
//
// Needs TANDEM_TEST_POSTGRES (scripts/test.sh starts the server); without it the test says so and
// stops, except under CI, where that is a failure.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import {
  By,
  WAIT,
  click,
  freshDbPath,
  launch,
  launchWith,
  openArea,
  quit,
  shot,
  textOf,
  tid,
  typeInto,
  until,
  waitText,
  waitVisible,
} from '../lib/app.js';

const SERVER = process.env.TANDEM_TEST_POSTGRES;
const ADMIN = process.env.TANDEM_TEST_POSTGRES_ADMIN;
const DATABASE = `tandem_roles_${process.pid}`;
const MENTOR_LOGIN = `roles_mentor_${process.pid}`;
const MANAGER_LOGIN = `roles_manager_${process.pid}`;
const SUMMARY = `Shared summary ${process.pid}: drafted a first post together.`;
const NOTE = `Private note ${process.pid}: nervous about posting, go gently.`;

function psql(url, sql) {
  return execFileSync('psql', [url, '-XAtq', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' }).trim();
}

/** The test server's URL for `database`, signed in as `user` (the test role when not given). */
function serverUrl(database, user, password) {
  const url = new URL(SERVER);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = password;
  }
  url.search = '?sslmode=disable';
  return url.toString();
}

/** Runs `action` again when the element it held was drawn anew meanwhile (a screen reloading). */
async function settled(action) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await action();
    } catch (e) {
      if (e.name !== 'StaleElementReferenceError' || attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Clicks the element `locator` finds, again if the list it is in was drawn anew meanwhile. */
async function clickSettled(driver, locator, message) {
  await settled(async () => (await driver.wait(until.elementLocated(locator), WAIT, message)).click());
}

async function pageText(driver) {
  return driver.executeScript('return document.body.innerText');
}

describe('roles in team mode', { timeout: 300_000, skip: SERVER ? false : 'no test PostgreSQL server' }, () => {
  let driver;
  let team;
  let people;

  before(() => {
    if (!SERVER) assert.ok(!process.env.CI, 'CI must run the roles test');
    psql(SERVER, `CREATE DATABASE ${DATABASE}`);
    for (const login of [MENTOR_LOGIN, MANAGER_LOGIN]) psql(SERVER, `CREATE ROLE ${login} LOGIN PASSWORD '${login}-pw'`);
    team = serverUrl(DATABASE);
  });

  after(async () => {
    await quit(driver, 'roles');
    if (!SERVER) return;
    psql(ADMIN ?? SERVER, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    for (const login of [MENTOR_LOGIN, MANAGER_LOGIN]) psql(ADMIN ?? SERVER, `DROP ROLE IF EXISTS ${login}`);
  });

  it('HR moves the demo company into the team database and links a login to a person', async () => {
    driver = await launch(freshDbPath('roles'));
    await click(driver, 'lang-en');
    await openArea(driver, 'database');
    const url = new URL(SERVER);
    for (const [id, value] of [
      ['team-host', url.hostname],
      ['team-port', url.port],
      ['team-database', DATABASE],
      ['team-user', decodeURIComponent(url.username)],
      ['team-password', decodeURIComponent(url.password)],
    ]) {
      await settled(() => typeInto(driver, id, value));
    }
    await driver.executeScript(
      `const s = document.querySelector('[data-testid="team-tls"]');
       s.value = 'disable';
       s.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    await settled(() => click(driver, 'move-start'));
    await settled(() => click(driver, 'confirm-button'));
    await settled(() => waitVisible(driver, 'move-done', WAIT * 3));

    // A mentor whose mentee has a manager, in a pair that acknowledged its charter.
    const row = psql(
      team,
      `SELECT t.id, t.first_name || ' ' || t.last_name, m.id, m.first_name || ' ' || m.last_name,
              g.id, g.first_name || ' ' || g.last_name, p.id
       FROM program_pair p
       JOIN employee t ON t.id = p.mentor_id
       JOIN employee m ON m.id = p.mentee_id
       JOIN employee g ON g.id = m.manager_id
       WHERE p.status = 'approved' AND g.id <> t.id
         AND (SELECT COUNT(*) FROM charter_acknowledgement c
              WHERE c.program_id = p.program_id AND c.employee_id IN (t.id, m.id)) = 2
       ORDER BY p.rowid LIMIT 1`,
    ).split('\t');
    assert.equal(row.length, 7, `the demo has a mentor whose mentee has a manager: ${row}`);
    people = { mentorId: row[0], mentor: row[1], menteeId: row[2], mentee: row[3], managerId: row[4], manager: row[5], pairId: row[6] };

    // HR links the mentor's login in the app; the manager's through SQL, as IT could. The list
    // shows HR's own login once the section has loaded.
    await driver.wait(
      async () => (await driver.findElements(By.xpath('//*[@data-testid="login-row"][contains(., "HR")]'))).length > 0,
      WAIT,
      'the logins section does not list the HR administrator',
    );
    await settled(() => typeInto(driver, 'login-name', MENTOR_LOGIN));
    await settled(() => typeInto(driver, 'login-person-search', people.mentor));
    await clickSettled(
      driver,
      By.xpath(`//*[@data-testid="login-person-result"][contains(., "${people.mentor.split(' ').pop()}")]`),
      `${people.mentor} is not offered`,
    );
    await settled(() => click(driver, 'link-login'));
    await driver.wait(
      async () => (await driver.findElements(By.xpath(`//*[@data-testid="login-row"][contains(., "${MENTOR_LOGIN}")]`))).length === 1,
      WAIT,
      'the linked login is not listed',
    );
    await settled(() => shot(driver, 'roles-logins'));
    psql(team, `INSERT INTO tandem_login (login, employee_id, hr_admin, created_at) VALUES ('${MANAGER_LOGIN}', '${people.managerId}', FALSE, '2026-12-01T00:00:00Z')`);
    assert.equal(psql(team, `SELECT employee_id FROM tandem_login WHERE login = '${MENTOR_LOGIN}'`), people.mentorId);
  });

  it('a mentor signs in, completes their profile and logs a session with a private note', async () => {
    await quit(driver);
    driver = await launchWith(['--server', serverUrl(DATABASE, MENTOR_LOGIN, `${MENTOR_LOGIN}-pw`)], 'home');
    await click(driver, 'lang-en');
    await waitText(driver, 'me-role', (t) => t.includes('Mentor'), 'the top of the sidebar does not say the mentor signed in');
    assert.equal((await driver.findElements(tid('nav-directory'))).length, 0, 'a mentor has no directory');
    await shot(driver, 'roles-mentor-home');

    // The profile: an interest of their own.
    await click(driver, 'nav-profile');
    await click(driver, 'edit-my-profile');
    const interests = await driver.wait(until.elementLocated(By.css('#f-interests')), WAIT);
    await interests.sendKeys('podcasts\n');
    await click(driver, 'save-employee');
    await waitVisible(driver, 'employee-name');
    assert.equal(
      psql(team, `SELECT COUNT(*) FROM employee_interest WHERE employee_id = '${people.mentorId}' AND interest = 'podcasts'`),
      '1',
      'the profile change reached the team database',
    );

    // A session of the pair: marked held if one waits, else its log rewritten.
    await driver.executeScript(`location.hash = '#/pairs/${people.pairId}'`);
    await waitVisible(driver, 'session');
    const sessions = await driver.executeScript(
      `return Array.from(document.querySelectorAll('[data-testid="session"]')).map((el) => ({
         id: el.id.replace(/^session-/, ''), status: el.dataset.status,
         buttons: Array.from(el.querySelectorAll('button')).map((b) => b.dataset.testid) }));`,
    );
    let target = sessions.find((s) => s.buttons.includes('session-held'));
    if (target) {
      await (await driver.findElement(By.css(`#session-${target.id} [data-testid="session-held"]`))).click();
      await driver.wait(until.elementLocated(By.css(`#session-${target.id}[data-status="held"]`)), WAIT);
    } else {
      target = sessions.find((s) => s.buttons.includes('session-log-edit'));
    }
    assert.ok(target, 'the pair has a session to log');
    const edit = await driver.wait(until.elementLocated(By.css(`#session-${target.id} [data-testid="session-log-edit"]`)), WAIT);
    await edit.click();
    await waitVisible(driver, 'log-dialog');
    if ((await driver.findElements(By.css('[data-testid="log-topic"][aria-pressed="true"]'))).length === 0) {
      await (await driver.findElements(tid('log-topic')))[0].click();
    }
    await typeInto(driver, 'log-summary', SUMMARY);
    await typeInto(driver, 'log-notes', NOTE);
    await click(driver, 'log-save');
    await driver.wait(async () => (await driver.findElements(tid('log-dialog'))).length === 0, WAIT, 'the log dialog stays open');
    assert.equal(
      psql(team, `SELECT COUNT(*) FROM session_log WHERE session_id = '${target.id}' AND private_notes = '${NOTE}' AND summary = '${SUMMARY}'`),
      '1',
      'the log and its private note are saved',
    );
  });

  it("the mentee's manager signs in and reads the summary, never the private note", async () => {
    await quit(driver);
    driver = await launchWith(['--server', serverUrl(DATABASE, MANAGER_LOGIN, `${MANAGER_LOGIN}-pw`)], 'me-role');
    await click(driver, 'lang-en');
    await waitText(driver, 'me-role', (t) => t.includes('Manager'), 'the top of the sidebar does not say a manager signed in');
    // Their people: the home of a manager, a screen of its own for one also in a pair.
    if ((await driver.findElements(tid('manager-view'))).length === 0) await driver.executeScript(`location.hash = '#/progress'`);
    // Their people come 50 to a page, in name order: turn the pages to the mentee.
    const cardPath = By.xpath(`//*[@data-testid="person"][.//*[@data-testid="person-name"][contains(., "${people.mentee}")]]`);
    await waitVisible(driver, 'person');
    for (let page = 0; page < 20 && (await driver.findElements(cardPath)).length === 0; page++) {
      const next = await driver.findElements(tid('people-next'));
      assert.ok(next.length > 0 && (await next[0].isEnabled()), `the manager's people do not include ${people.mentee}`);
      const first = await textOf(driver, 'people-range');
      await next[0].click();
      await driver.wait(async () => (await textOf(driver, 'people-range')) !== first, WAIT, 'the next page did not load');
    }
    const card = await driver.wait(until.elementLocated(cardPath), WAIT, `the manager's home does not list ${people.mentee}`);
    await (await card.findElement(tid('person-summaries'))).click();
    await driver.wait(async () => (await pageText(driver)).includes(SUMMARY), WAIT, 'the summary is not shown to the manager');
    await shot(driver, 'roles-manager-home');
    assert.ok(!(await pageText(driver)).includes(NOTE), 'the private note reached the manager');

    // The pair itself is not theirs: the address leads to a calm refusal.
    await driver.executeScript(`location.hash = '#/pairs/${people.pairId}'`);
    await waitVisible(driver, 'not-for-you');
    assert.ok(!(await pageText(driver)).includes(NOTE));

    // Nor through SQL with their own login.
    const own = serverUrl(DATABASE, MANAGER_LOGIN, `${MANAGER_LOGIN}-pw`).replace('?sslmode=disable', '');
    assert.equal(psql(own, `SELECT COUNT(*) FROM session_log WHERE private_notes = '${NOTE}'`), '0');
    assert.equal(psql(own, `SELECT COUNT(*) FROM session_shared WHERE summary = '${SUMMARY}'`), '1');
  });

  it('HR reads the summary and the private note', async () => {
    await quit(driver);
    driver = await launchWith(['--server', team], 'search-input');
    await driver.executeScript(`location.hash = '#/pairs/${people.pairId}'`);
    await waitVisible(driver, 'session');
    await driver.wait(async () => {
      const text = await pageText(driver);
      return text.includes(SUMMARY) && text.includes(NOTE);
    }, WAIT, 'HR does not see the log and its private note');
    assert.equal(await textOf(driver, 'viewing-as-banner'), null);
  });
});
