// Learning progress on the demo program under way: the dashboard's charts with figures in them,
// in English then in French, the pairs at risk behind its figure, its CSV export, a mentee's
// progress, and a manager view of a demo department that lists people and no private note.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  By,
  ROOT,
  WAIT,
  freshDbPath,
  launch,
  openArea,
  quit,
  textOf,
  textsOf,
  tid,
  until,
  waitText,
  waitVisible,
  click,
  shot,
} from '../lib/app.js';

/** The cells of a chart's accessible table, as numbers per row: `{ head, values }`. */
async function chartTable(driver, id) {
  return driver.executeScript(
    `const table = document.querySelector('[data-testid="' + arguments[0] + '-table"]');
     if (!table) return null;
     return Array.from(table.querySelectorAll('tbody tr')).map((tr) => ({
       head: tr.querySelector('th').textContent.trim(),
       values: Array.from(tr.querySelectorAll('td')).map((td) => Number(td.textContent.replace(/[^\\d.,-]/g, '').replace(/[\\s\\u00a0\\u202f]/g, '').replace(',', '.')) || 0),
     }));`,
    id,
  );
}

/** Whether the chart's canvas has been drawn on (some pixel is not transparent). */
async function canvasPainted(driver, id) {
  return driver.executeScript(
    `const c = document.querySelector('[data-testid="' + arguments[0] + '-canvas"]');
     if (!c || !c.width || !c.height) return false;
     const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
     for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
     return false;`,
    id,
  );
}

/** The private notes the demo's session logs are written with (crates/tandem-core/src/demo/texts.rs). */
function demoPrivateNotes() {
  const source = readFileSync(path.join(ROOT, 'crates', 'tandem-core', 'src', 'demo', 'texts.rs'), 'utf8');
  const block = /PRIVATE_NOTES[^=]*=\s*\[([\s\S]*?)\];/.exec(source);
  assert.ok(block, 'the demo texts still define PRIVATE_NOTES');
  return [...block[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\'/g, "'"));
}

describe('progress', { timeout: 600_000 }, () => {
  const db = freshDbPath('progress');
  let driver;

  after(async () => {
    await quit(driver).catch(() => {});
  });

  it('shows the demo program’s dashboard with charts that hold its figures', async () => {
    driver = await launch(db);
    await click(driver, 'lang-en');
    await openArea(driver, 'programs');
    await waitText(driver, 'program-list', (t) => /Programme pilote/.test(t), 'the demo program is not listed');
    await (await driver.findElement(tid('program-card'))).click();
    await click(driver, 'tab-dashboard');
    await waitVisible(driver, 'dashboard-kpis', WAIT * 2);

    const sessions = await textOf(driver, 'kpi-sessions');
    assert.match(sessions, /\d+ of \d+ scheduled/, sessions);
    assert.ok(Number(sessions.match(/\d+/)[0]) > 0, `some sessions are held: ${sessions}`);

    await driver.wait(async () => canvasPainted(driver, 'chart-months'), WAIT, 'the sessions chart was never drawn');
    const months = await chartTable(driver, 'chart-months');
    assert.ok(months.length >= 6, `a program of about seven months: ${JSON.stringify(months)}`);
    assert.match(months[0].head, /[A-Z][a-z]{2} \d{4}/, 'months are named in English');
    const held = months.reduce((sum, m) => sum + m.values[1], 0);
    assert.ok(held > 0, `the months hold held sessions: ${JSON.stringify(months)}`);

    const topics = await chartTable(driver, 'chart-topics');
    assert.ok(topics && topics.some((p) => p.values.some((v) => v > 0)), `topics covered per platform: ${JSON.stringify(topics)}`);
    assert.ok(await canvasPainted(driver, 'chart-topics'), 'the topics chart is drawn');
    const adoption = await chartTable(driver, 'chart-adoption');
    assert.ok(adoption && adoption.length > 0, 'adoption profiles are charted');
    const audience = await chartTable(driver, 'chart-audience');
    assert.ok(audience && audience.some((p) => p.values[0] > 0), `the audience per platform: ${JSON.stringify(audience)}`);

    const rows = await textsOf(driver, 'pair-row');
    assert.ok(rows.length > 3, 'the pairs are listed');
    const header = await driver.findElement(By.css('[data-testid="pair-table"] thead')).getText();
    assert.match(header, /Mentee/);
    await shot(driver, 'progress-dashboard');
  });

  it('switches the dashboard to French, months and labels included', async () => {
    await click(driver, 'lang-fr');
    await waitText(driver, 'kpi-sessions', (t) => /planifiées/.test(t), 'the figures are not in French');
    const months = await chartTable(driver, 'chart-months');
    const french = /^(janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}$/;
    assert.ok(months.every((m) => french.test(m.head)), `months in French: ${months.map((m) => m.head)}`);
    const legend = await driver.executeScript(
      `return Array.from(document.querySelectorAll('[data-testid="chart-months-table"] thead th')).map((th) => th.textContent.trim());`,
    );
    assert.deepEqual(legend.slice(1), ['Planifiées', 'Tenues', 'Annulées']);
    assert.ok(await canvasPainted(driver, 'chart-months'), 'the chart is drawn again in French');
    await shot(driver, 'progress-dashboard-fr');
    await click(driver, 'lang-en');
    await waitText(driver, 'kpi-sessions', (t) => /scheduled/.test(t), 'back in English');
  });

  it('lists only the pairs at risk from the dashboard’s at-risk figure', async () => {
    const figure = await textOf(driver, 'kpi-at-risk-link');
    const atRisk = Number(figure.match(/\d+/)[0]);
    assert.ok(atRisk > 0, `the demo has pairs at risk: ${figure}`);
    await click(driver, 'kpi-at-risk-link');
    await waitVisible(driver, 'pairs-table', WAIT * 2);
    await driver.wait(async () => (await textsOf(driver, 'pair-row')).length === atRisk, WAIT, 'the follow-up tab does not show the at-risk pairs only');
    const health = await textsOf(driver, 'health');
    assert.equal(health.length, atRisk);
    for (const h of health) assert.match(h, /At risk/, `every pair listed is at risk: ${h}`);
    await shot(driver, 'pairs-at-risk');
    await click(driver, 'pairs-filter-all');
    await driver.wait(async () => (await textsOf(driver, 'pair-row')).length > atRisk, WAIT, 'all pairs are not shown again');
    await click(driver, 'tab-dashboard');
    await waitVisible(driver, 'dashboard-kpis', WAIT * 2);
  });

  it('exports the dashboard as CSV where the save dialog would', { skip: !process.env.TANDEM_EXPORT_DIR }, async () => {
    await click(driver, 'export-dashboard-csv');
    await waitText(driver, 'toast', (t) => t.includes('.csv'), 'no toast with the saved path');
    const dir = process.env.TANDEM_EXPORT_DIR;
    const file = readdirSync(dir).find((name) => name.startsWith('tandem-program-') && name.endsWith('.csv'));
    assert.ok(file, `no dashboard CSV in the export folder: ${readdirSync(dir)}`);
    const lines = readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.match(lines[0], /^mentee,mentee_email,mentee_department,mentor,/, 'the export starts with its header');
    const rows = await textsOf(driver, 'pair-row');
    assert.equal(lines.length - 1, rows.length, 'one line per pair of the table');
    const held = lines[0].split(',').indexOf('sessions_held');
    assert.ok(lines.slice(1).some((l) => Number(l.split(',')[held]) > 0), 'held sessions are in the file');
  });

  it('opens a mentee’s progress from the dashboard, with levels over time', async () => {
    await (await driver.findElement(tid('pair-mentee'))).click();
    await waitVisible(driver, 'mentee-name', WAIT * 2);
    const held = await textOf(driver, 'mentee-held');
    assert.ok(Number(held.match(/\d+/)[0]) > 0, `the mentee held sessions: ${held}`);
    await waitVisible(driver, 'chart-levels');
    const levels = await chartTable(driver, 'chart-levels');
    assert.ok(levels && levels.length > 1, `levels over time: ${JSON.stringify(levels)}`);
    assert.ok(await canvasPainted(driver, 'chart-levels'), 'the level chart is drawn');
    const sessionLinks = await driver.findElements(By.css('[data-testid="sessions"] a[href*="/sessions/"]'));
    assert.ok(sessionLinks.length > 0, 'each session links to its place on the pair page');
    await shot(driver, 'progress-mentee');
  });

  it('shows a manager the people of a demo department, without private notes', async () => {
    await openArea(driver, 'progress');
    await waitVisible(driver, 'manager-pick');
    await click(driver, 'mode-department');
    await waitVisible(driver, 'department-select');
    // The department of the first mentee of the dashboard surely has someone taking part.
    const departments = await driver.executeScript(
      `return Array.from(document.querySelectorAll('[data-testid="department-select"] option')).map((o) => o.value).filter(Boolean);`,
    );
    assert.ok(departments.length > 1, 'departments come from the directory');
    let chosen = null;
    for (const department of departments) {
      await driver.executeScript(
        `const s = document.querySelector('[data-testid="department-select"]');
         s.value = arguments[0];
         s.dispatchEvent(new Event('change', { bubbles: true }));`,
        department,
      );
      await driver.wait(until.elementLocated(By.css('[data-testid="people"], [data-testid="manager-empty"]')), WAIT);
      if ((await textsOf(driver, 'person')).length > 0) {
        chosen = department;
        break;
      }
      await click(driver, 'scope-change');
      await click(driver, 'mode-department');
    }
    assert.ok(chosen, 'some demo department takes part');
    const people = await textsOf(driver, 'person');
    assert.ok(people.length > 0, 'people are listed');
    assert.match(await textOf(driver, 'scope-count'), /take|takes/);
    // Summaries are what managers read; open them all and check none is a private note.
    await driver.executeScript(`document.querySelectorAll('[data-testid="person"] details').forEach((d) => d.setAttribute('open', ''));`);
    assert.ok((await textsOf(driver, 'summary')).length > 0, 'session summaries are shown');
    const page = await driver.executeScript('return document.querySelector("[data-testid=manager-view]").textContent;');
    const notes = demoPrivateNotes();
    assert.ok(notes.length >= 5, `the demo's private notes: ${notes}`);
    for (const note of notes) assert.ok(!page.includes(note), `a private note is shown to a manager: ${note}`);
    await shot(driver, 'progress-manager');

    // A summary opens its session on the pair page, highlighted, with the same summary in its log.
    const link = (await driver.findElements(tid('summary-link')))[0];
    const href = await link.getAttribute('href');
    const sessionId = /\/sessions\/([^/]+)$/.exec(href)?.[1];
    assert.ok(sessionId, `the summary links to a session: ${href}`);
    const summary = await driver.executeScript(
      `return document.querySelector('[data-testid="summary"] p').textContent.trim();`,
    );
    await link.click();
    await waitVisible(driver, 'pair-title', WAIT * 2);
    const item = await driver.wait(until.elementLocated(By.css(`#session-${sessionId}.highlighted`)), WAIT, 'the session is not highlighted');
    assert.ok((await item.getText()).includes(summary), 'the pair page shows the summary the manager read');
  });
});
