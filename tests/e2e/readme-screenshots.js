// Refreshes the pictures in docs/screenshots/ from the real app on a fresh demo database:
//   E2E_SCRIPT=readme-screenshots.js bash tests/e2e/run.sh
// (after `npm --prefix ui run build && cargo build -p tandem-app --features custom-protocol`).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  By,
  ROOT,
  SAMPLES,
  WAIT,
  freshDbPath,
  launch,
  openArea,
  quit,
  textsOf,
  tid,
  typeInto,
  until,
  waitVisible,
  click,
  screenshotPainted,
} from './lib/app.js';

const OUT = path.join(ROOT, 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });

async function shot(driver, name) {
  await screenshotPainted(driver, path.join(OUT, `${name}.png`));
  console.log(`docs/screenshots/${name}.png`);
}

const driver = await launch(freshDbPath('screenshots'));
try {
  await click(driver, 'lang-en');
  await driver.wait(async () => (await textsOf(driver, 'employee-row')).length > 5, WAIT);
  await shot(driver, 'directory');

  // A mentee's page: goals and levels per platform.
  await typeInto(driver, 'search-input', 'Pascale Amrani');
  await driver.wait(async () => (await textsOf(driver, 'employee-row')).length === 1, WAIT);
  await (await driver.findElement(tid('employee-row'))).click();
  await waitVisible(driver, 'employee-name');
  await shot(driver, 'employee');

  await openArea(driver, 'import');
  const input = await driver.wait(until.elementLocated(tid('import-file-input')), WAIT);
  await input.sendKeys(path.join(SAMPLES, 'hr-export-with-errors.csv'));
  await waitVisible(driver, 'import-count-new');
  await shot(driver, 'import-preview');
  // The rejected rows, each explained in French with the values from the file.
  await click(driver, 'lang-fr');
  await driver.executeScript("document.querySelector('[data-testid=\"import-rejected-row\"]').scrollIntoView({ block: 'center' })");
  await shot(driver, 'import-rejected-fr');
  await click(driver, 'lang-en');

  await openArea(driver, 'programs');
  await click(driver, 'new-program');
  await typeInto(driver, 'program-name', 'Spring 2026');
  await click(driver, 'program-save');
  await click(driver, 'add-all-mentor');
  await click(driver, 'add-all-mentee');
  await driver.wait(async () => Number((await textsOf(driver, 'tab-participants'))[0]?.replace(/\D/g, '') ?? 0) > 2, WAIT);
  await click(driver, 'tab-review');
  await click(driver, 'run-matching');
  await waitVisible(driver, 'review-summary', WAIT * 2);
  await shot(driver, 'programs-review');

  await click(driver, 'lang-fr');
  await driver.wait(async () => (await textsOf(driver, 'tab-review'))[0]?.startsWith('Binômes'), WAIT);
  await shot(driver, 'programs-review-fr');

  // Progress on the demo program under way: its dashboard, a mentee's progress, a manager view.
  await click(driver, 'lang-en');
  await openArea(driver, 'programs');
  const demo = await driver.wait(until.elementLocated(By.xpath("//a[@data-testid='program-card'][contains(., 'Programme pilote')]")), WAIT);
  await demo.click();
  await click(driver, 'tab-dashboard');
  await waitVisible(driver, 'chart-months-canvas', WAIT * 2);
  await shot(driver, 'dashboard');

  // The dashboard's at-risk figure opens the follow-up tab on the pairs at risk.
  await click(driver, 'kpi-at-risk-link');
  await waitVisible(driver, 'pairs-table', WAIT * 2);
  await shot(driver, 'pairs-at-risk');
  await click(driver, 'tab-dashboard');
  await waitVisible(driver, 'chart-months-canvas', WAIT * 2);

  await (await driver.findElement(tid('pair-mentee'))).click();
  await waitVisible(driver, 'chart-levels-canvas', WAIT * 2);
  await shot(driver, 'mentee-progress');

  await openArea(driver, 'progress');
  await click(driver, 'mode-department');
  await waitVisible(driver, 'department-select');
  await driver.executeScript(
    `const s = document.querySelector('[data-testid="department-select"]');
     s.value = 'Finance';
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await waitVisible(driver, 'person', WAIT * 2);
  await shot(driver, 'manager-view');

  // Sessions on the demo program under way: a pair's page and My week.
  await click(driver, 'lang-en');
  await openArea(driver, 'programs');
  const pilot = await driver.wait(until.elementLocated(By.xpath("//a[@data-testid='program-card'][contains(., 'Programme pilote')]")), WAIT);
  await pilot.click();
  await click(driver, 'tab-pairs');
  const onTrack = await driver.wait(until.elementLocated(By.xpath("//a[@data-testid='pair-row'][contains(., 'On track')]")), WAIT * 2);
  await onTrack.click();
  await waitVisible(driver, 'timeline', WAIT * 2);
  await shot(driver, 'pair');

  await openArea(driver, 'week');
  await waitVisible(driver, 'week-days', WAIT * 2);
  await shot(driver, 'week');

  // Where the data lives: this computer's file, or the team's PostgreSQL server.
  await openArea(driver, 'database');
  await waitVisible(driver, 'start-screen');
  await typeInto(driver, 'team-host', 'db.lanvoie.fr');
  await typeInto(driver, 'team-user', 'claire.martin');
  await shot(driver, 'database');

  // What a mentor and a manager see, through HR's "view as" (read-only) on the demo company.
  async function viewAs(name) {
    await click(driver, 'view-as');
    await typeInto(driver, 'view-as-search', name);
    await (await driver.wait(until.elementLocated(tid('view-as-result')), WAIT)).click();
    await waitVisible(driver, 'viewing-as-banner');
  }
  await viewAs("Gabriel N'Diaye");
  await waitVisible(driver, 'my-pair', WAIT * 2);
  await shot(driver, 'home-mentor');
  await click(driver, 'stop-viewing');
  await viewAs('Stéphane Robert');
  await driver.executeScript("location.hash = '#/progress'");
  await waitVisible(driver, 'person', WAIT * 2);
  await shot(driver, 'home-manager');
  await click(driver, 'stop-viewing');
} finally {
  await quit(driver);
}
