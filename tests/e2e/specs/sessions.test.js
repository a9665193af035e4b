// Sessions on the demo program under way: open a pair from the program's follow-up tab, plan a
// series, log a session whose time has passed, cancel a session with a reason, see the coming
// days in My week and export a session's calendar file.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { By, WAIT, click, freshDbPath, launch, openArea, quit, textOf, textsOf, tid, typeInto, until, waitText, waitVisible } from '../lib/app.js';

/** The sessions on the pair page: id (from the element id), status and text, in page order. */
async function sessionsOnPage(driver) {
  return driver.executeScript(
    `return Array.from(document.querySelectorAll('[data-testid="session"]')).map((el) => ({
       id: el.id.replace(/^session-/, ''),
       status: el.dataset.status,
       text: el.textContent.replace(/\\s+/g, ' ').trim(),
       buttons: Array.from(el.querySelectorAll('button')).map((b) => b.dataset.testid + ':' + b.textContent.trim()),
     }));`,
  );
}

/** Clicks the button `testid` inside the session item `sessionId`. */
async function clickInSession(driver, sessionId, testid) {
  const button = await driver.wait(
    until.elementLocated(By.css(`#session-${sessionId} [data-testid="${testid}"]`)),
    WAIT,
    `no ${testid} on session ${sessionId}`,
  );
  await driver.wait(until.elementIsEnabled(button), WAIT, `${testid} stays disabled`);
  await button.click();
}

/** Waits for the first free slot of the open dialog, jumping to the next free week when one has none. */
async function pickFirstSlot(driver) {
  for (let week = 0; week < 8; week++) {
    const found = await driver.wait(
      async () => (await driver.findElements(tid('slot'))).length > 0 || (await driver.findElements(tid('no-slot'))).length > 0,
      WAIT,
      'the free slots never loaded',
    );
    assert.ok(found);
    const slots = await driver.findElements(tid('slot'));
    if (slots.length > 0) {
      await slots[0].click();
      return;
    }
    // The dialog offers the next week with a free time; else look at the next week.
    await driver.wait(
      async () => (await driver.findElements(tid('slot-jump'))).length > 0 || (await driver.findElements(tid('no-slot-at-all'))).length > 0,
      WAIT,
      'an empty week says where the next free time is',
    );
    const jump = await driver.findElements(tid('slot-jump'));
    assert.ok(jump.length > 0, 'the pair has a free time in the coming months');
    await jump[0].click();
  }
  assert.fail('no free slot in the next eight weeks');
}

describe('sessions', { timeout: 600_000 }, () => {
  const db = freshDbPath('sessions');
  let driver;
  let pairUrl;
  const task = `Publish one post about the team, ${Date.now()}`;

  after(async () => {
    await quit(driver, 'sessions-last').catch(() => {});
  });

  it('lists the approved pairs of the demo program with their health', async () => {
    driver = await launch(db);
    await click(driver, 'lang-en');
    await openArea(driver, 'programs');
    const demo = await driver.wait(
      until.elementLocated(By.xpath("//a[@data-testid='program-card'][contains(., 'Programme pilote')]")),
      WAIT,
      'the demo program is not listed',
    );
    await demo.click();
    await click(driver, 'tab-pairs');
    await driver.wait(async () => (await textsOf(driver, 'pair-row')).length >= 10, WAIT * 2, 'the demo pairs are not listed');
    const rows = await textsOf(driver, 'pair-row');
    assert.ok(rows.some((r) => r.includes('At risk')), 'a demo pair is flagged at risk with its reason');
    assert.ok(rows.some((r) => r.includes('On track')));
    assert.ok(rows.some((r) => /in a row|No session held/.test(r)), `a risk reason is given: ${rows.join(' | ')}`);
  });

  it('opens a pair and plans a series that shows on the pair page', async () => {
    // A healthy pair: the first row on track.
    const row = await driver.wait(
      until.elementLocated(By.xpath("//a[@data-testid='pair-row'][contains(., 'On track')]")),
      WAIT,
    );
    await row.click();
    await waitVisible(driver, 'pair-title');
    pairUrl = await driver.getCurrentUrl();
    await waitVisible(driver, 'timeline');
    const before = (await sessionsOnPage(driver)).filter((s) => s.status === 'planned').length;

    await click(driver, 'plan-series');
    await waitVisible(driver, 'series-dialog');
    await pickFirstSlot(driver);
    await waitVisible(driver, 'series-preview', WAIT * 2);
    const label = await textOf(driver, 'series-confirm');
    const planned = Number(/\d+/.exec(label)?.[0]);
    assert.ok(planned > 0, `the series plans sessions: ${label}`);
    await click(driver, 'series-confirm');
    await waitText(driver, 'toast', (t) => t.includes(`${planned} session`), 'no confirmation that the series was planned');
    await driver.wait(
      async () => (await sessionsOnPage(driver)).filter((s) => s.status === 'planned').length === before + planned,
      WAIT,
      `the pair page does not show the ${planned} new sessions`,
    );
    await waitText(driver, 'next-session', (t) => !t.includes('No session planned'), 'the next session is shown');
  });

  it('logs a session whose time has passed and shows it in the timeline', async () => {
    let target = (await sessionsOnPage(driver)).find((s) => s.buttons.some((b) => b.startsWith('session-held:')));
    if (target) {
      await clickInSession(driver, target.id, 'session-held');
      await driver.wait(async () => (await sessionsOnPage(driver)).find((s) => s.id === target.id)?.status === 'held', WAIT, 'the session was not marked held');
    } else {
      // No session waits to be marked: write (or rewrite) the log of a held one.
      target = (await sessionsOnPage(driver)).find((s) => s.buttons.some((b) => b === 'session-log-edit:Write the log'))
        ?? (await sessionsOnPage(driver)).find((s) => s.status === 'held');
    }
    assert.ok(target, 'the demo pair has a past session to log');
    await clickInSession(driver, target.id, 'session-log-edit');
    await waitVisible(driver, 'log-dialog');
    // Saving without a topic is refused next to the topics.
    const chosen = await driver.findElements(By.css('[data-testid="log-topic"][aria-pressed="true"]'));
    for (const chip of chosen) await chip.click();
    await click(driver, 'log-save');
    await waitText(driver, 'error-topics', (t) => t.length > 0, 'a log without a topic is refused on its field');
    const topics = await driver.findElements(tid('log-topic'));
    await topics[0].click();
    const topicName = (await topics[0].getText()).trim();
    await driver.executeScript(
      `const s = document.querySelector('[data-testid="log-depth"]');
       s.value = 'practised';
       s.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    await typeInto(driver, 'log-task', task);
    await typeInto(driver, 'log-summary', 'Reviewed the profile and drafted a first post together.');
    await click(driver, 'log-mentee_rating-5');
    await click(driver, 'log-save');
    await driver.wait(async () => (await driver.findElements(tid('log-dialog'))).length === 0, WAIT, 'the log dialog stays open');
    await driver.wait(
      async () => {
        const item = (await sessionsOnPage(driver)).find((s) => s.id === target.id);
        return item?.text.includes(task) && item.text.includes(topicName) && item.text.includes('Practised together');
      },
      WAIT,
      'the log is not shown in the timeline',
    );
    await waitText(driver, 'pair-task', (t) => t.includes(task), 'the practice task is shown next to the timeline');
  });

  it('changes the place of a planned session', async () => {
    const target = (await sessionsOnPage(driver)).find((s) => s.buttons.some((b) => b.startsWith('session-move:')));
    assert.ok(target, 'a planned session can be changed');
    await clickInSession(driver, target.id, 'session-move');
    await waitVisible(driver, 'slot-dialog');
    await typeInto(driver, 'slot-location', 'Room 12, 4th floor');
    await click(driver, 'slot-confirm');
    await driver.wait(
      async () => (await sessionsOnPage(driver)).find((s) => s.id === target.id)?.text.includes('Room 12, 4th floor'),
      WAIT,
      'the new place is not shown',
    );
  });

  it('cancels a session only with a reason, and shows who cancelled and why', async () => {
    const target = (await sessionsOnPage(driver)).find((s) => s.buttons.some((b) => b.startsWith('session-cancel:')));
    assert.ok(target, 'a planned session can be cancelled');
    await clickInSession(driver, target.id, 'session-cancel');
    await waitVisible(driver, 'cancel-dialog');
    await click(driver, 'cancel-confirm');
    await waitText(driver, 'error-reason', (t) => t.length > 0, 'a cancellation without a reason is refused on its field');
    await click(driver, 'cancel-by-mentor');
    await typeInto(driver, 'cancel-reason', 'Mentor travelling that week');
    await click(driver, 'cancel-confirm');
    await driver.wait(
      async () => {
        const item = (await sessionsOnPage(driver)).find((s) => s.id === target.id);
        return item?.status === 'cancelled' && item.text.includes('Mentor travelling that week') && item.text.includes('the mentor');
      },
      WAIT,
      'the cancelled session does not show its reason',
    );
  });

  it('exports a session as a calendar file with its UID and status', { skip: !process.env.TANDEM_EXPORT_DIR }, async () => {
    const dir = process.env.TANDEM_EXPORT_DIR;
    const planned = (await sessionsOnPage(driver)).find((s) => s.status === 'planned' && s.buttons.some((b) => b.startsWith('session-cancel:')));
    const cancelled = (await sessionsOnPage(driver)).find((s) => s.status === 'cancelled');
    assert.ok(planned && cancelled);
    for (const [session, status] of [
      [planned, 'CONFIRMED'],
      [cancelled, 'CANCELLED'],
    ]) {
      const before = new Set(readdirSync(dir));
      await clickInSession(driver, session.id, 'session-ics');
      await waitText(driver, 'toast', (t) => t.includes('.ics'), 'no confirmation of the calendar file');
      let written;
      await driver.wait(
        () => {
          written = readdirSync(dir).find((f) => f.endsWith('.ics') && !before.has(f));
          return Boolean(written);
        },
        WAIT,
        'no .ics file was written',
      );
      const ics = readFileSync(path.join(dir, written), 'utf8');
      assert.match(ics, /^BEGIN:VCALENDAR/);
      assert.ok(ics.includes(`UID:${session.id}@tandem.app`), `the file carries the session's UID: ${ics.slice(0, 400)}`);
      assert.match(ics, new RegExp(`STATUS:${status}`));
      // The next export of the same session must be a new file to be told apart.
      const { rmSync } = await import('node:fs');
      rmSync(path.join(dir, written));
    }
  });

  it('lists the coming sessions in My week, filtered by person, linking to the pair', async () => {
    await openArea(driver, 'week');
    await waitVisible(driver, 'reminders');
    await driver.wait(async () => (await textsOf(driver, 'week-entry')).length > 0, WAIT, 'My week shows no session of the demo program');
    const people = await driver.executeScript(
      `return Array.from(document.querySelectorAll('[data-testid="week-person"] option')).map((o) => [o.value, o.textContent.trim()]);`,
    );
    const [id, name] = people.find(([value]) => value && value !== 'null');
    await driver.executeScript(
      `const s = document.querySelector('[data-testid="week-person"]');
       s.value = arguments[0];
       s.dispatchEvent(new Event('change', { bubbles: true }));`,
      id,
    );
    await driver.wait(async () => (await textsOf(driver, 'week-entry')).every((e) => e.includes(name)), WAIT, `the week is not filtered on ${name}`);

    // The reminder lead time is saved.
    await driver.executeScript(
      `const s = document.querySelector('[data-testid="reminder-select"]');
       s.value = '60';
       s.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    await waitText(driver, 'reminders', (t) => t.includes('saved'), 'the reminder setting is not confirmed');
    await openArea(driver, 'directory');
    await openArea(driver, 'week');
    await driver.wait(
      async () => (await driver.executeScript(`return document.querySelector('[data-testid="reminder-select"]').value;`)) === '60',
      WAIT,
      'the reminder setting was not kept',
    );

    await (await driver.findElement(tid('week-entry'))).click();
    await waitVisible(driver, 'pair-title');
    assert.ok((await driver.getCurrentUrl()).includes('#/pairs/'));
    assert.ok(pairUrl);
  });
});
