// Starting the real Tandem app over WebDriver, and the few helpers every test needs.
//
// run.sh sets the environment: TANDEM_APP (binary), TANDEM_E2E_WEBDRIVER (tauri-driver's URL),
// TANDEM_E2E_TMP (a scratch folder removed after the run), TANDEM_E2E_ARTIFACTS.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, By, Key, until } from 'selenium-webdriver';

export { By, Key, until };

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..', '..');
export const SAMPLES = path.join(ROOT, 'assets', 'samples');
export const ARTIFACTS = process.env.TANDEM_E2E_ARTIFACTS ?? path.join(ROOT, 'tests', 'e2e', 'artifacts');

/** How long to wait for the app to react: generous, the machine may be busy building. */
export const WAIT = 20_000;
/** How long a first start may take (a new database is filled with the demo company). */
export const START_WAIT = 60_000;

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through tests/e2e/run.sh`);
  return value;
}

/** A path for a database file that does not exist yet, so the app creates it with the demo company. */
export function freshDbPath(label) {
  const base = process.env.TANDEM_E2E_TMP ?? tmpdir();
  const dir = mkdtempSync(path.join(base, `${label}-`));
  return path.join(dir, 'tandem.sqlite');
}

/** CSS selector for a `data-testid`. */
export const tid = (id) => By.css(`[data-testid="${id}"]`);

/**
 * Starts the app on `db` (`--db db`), or on `TANDEM_DB` when `db` is null, and waits until the
 * directory is on screen (the interface renders once the saved settings are read).
 */
export async function launch(db) {
  return launchWith(db ? ['--db', db] : [], 'search-input');
}

/** Starts the app with `args` and waits until the element `data-testid=readyId` is on screen. */
export async function launchWith(args, readyId) {
  const application = requireEnv('TANDEM_APP');
  const session = new Builder()
    .usingServer(requireEnv('TANDEM_E2E_WEBDRIVER'))
    .withCapabilities({ browserName: 'wry', 'tauri:options': { application, args } })
    .build();
  // A session request has no deadline of its own: an app that never comes up would hang the run.
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no WebDriver session after ${START_WAIT / 1000} s: did ${application} start?`)), START_WAIT);
  });
  const driver = await Promise.race([session, deadline]).finally(() => clearTimeout(timer));
  try {
    await driver.wait(until.elementLocated(tid(readyId)), START_WAIT, `[data-testid="${readyId}"] never appeared`);
  } catch (e) {
    saveScreenshot('launch-failure');
    await driver.quit().catch(() => {});
    throw e;
  }
  return driver;
}

/**
 * Saves a picture of the whole X screen under artifacts/<name>.png. Taken by ImageMagick from the
 * X server, not over WebDriver: a WebDriver screenshot can stall the session in WebKitWebDriver.
 */
export function saveScreenshot(name) {
  try {
    mkdirSync(ARTIFACTS, { recursive: true });
    screenshotScreen(path.join(ARTIFACTS, `${name}.png`));
  } catch {
    // A missing picture must not fail a test.
  }
}

/** Ends the session (which closes the app), keeping a picture of its last state. */
export async function quit(driver, name) {
  if (!driver) return;
  if (name) saveScreenshot(name);
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('the app did not close within 30 s')), 30_000);
  });
  await Promise.race([driver.quit(), deadline]).finally(() => clearTimeout(timer));
}

/** Waits for the element with `data-testid=id` to be present and visible, and returns it. */
export async function waitVisible(driver, id, timeout = WAIT) {
  const el = await driver.wait(until.elementLocated(tid(id)), timeout, `no element [data-testid="${id}"]`);
  await driver.wait(until.elementIsVisible(el), timeout, `[data-testid="${id}"] is not visible`);
  return el;
}

/** Text content of the first `data-testid=id` element (whitespace collapsed), or null if absent. */
export async function textOf(driver, id) {
  return driver.executeScript(
    `const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
     return el ? el.textContent.replace(/\\s+/g, ' ').trim() : null;`,
    id,
  );
}

/** Waits until `predicate(text)` holds for the text of `data-testid=id`; returns that text. */
export async function waitText(driver, id, predicate, message, timeout = WAIT) {
  let last = null;
  try {
    await driver.wait(async () => {
      last = await textOf(driver, id);
      return last !== null && predicate(last);
    }, timeout);
  } catch {
    throw new Error(`${message} (last text of [data-testid="${id}"]: ${JSON.stringify(last)})`);
  }
  return last;
}

/** Texts of every rendered element with `data-testid=id`, read in one go (the list re-renders). */
export async function textsOf(driver, id) {
  return driver.executeScript(
    `return Array.from(document.querySelectorAll('[data-testid="' + arguments[0] + '"]'))
       .map((el) => el.textContent.replace(/\\s+/g, ' ').trim());`,
    id,
  );
}

/** The number in a count label such as "149 employés" or "1 234 employees" (any thousands separator). */
export function countIn(text) {
  const m = /\d(?:[\d\s\u00a0\u202f.,']*\d)?/.exec(text ?? '');
  if (!m) return null;
  return Number(m[0].replace(/\D/g, ''));
}

/** Waits until the directory count is a number accepted by `predicate`; returns it. */
export async function waitDirectoryCount(driver, predicate, message) {
  const text = await waitText(driver, 'directory-count', (t) => {
    const n = countIn(t);
    return n !== null && predicate(n);
  }, message);
  return countIn(text);
}

/** Replaces an input's value by typing, as a person would (so the app sees input events). */
export async function typeInto(driver, id, value) {
  const el = await waitVisible(driver, id);
  if (await el.getAttribute('value')) {
    await el.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
    if (await el.getAttribute('value')) await el.clear();
  }
  if (value !== '') await el.sendKeys(value);
  return el;
}

/** Opens an area from the sidebar. */
export async function openArea(driver, area) {
  const link = await waitVisible(driver, `nav-${area}`);
  await link.click();
}

/** Searches the directory for `term`; resolves once every rendered row matches it. */
export async function searchDirectory(driver, term) {
  await openArea(driver, 'directory');
  await typeInto(driver, 'search-input', term);
  const needle = fold(term);
  let rows = [];
  let count = null;
  try {
    await driver.wait(async () => {
      count = countIn(await textOf(driver, 'directory-count'));
      rows = await textsOf(driver, 'employee-row');
      if (count === null || rows.length > count) return false;
      return rows.every((r) => fold(r).includes(needle));
    }, WAIT);
  } catch {
    throw new Error(`the directory did not settle on "${term}": count ${count}, rows ${JSON.stringify(rows.slice(0, 5))}`);
  }
  return { count, rows };
}

/** Lower case without accents, for comparing names. */
export function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Takes a picture of the whole X screen (the real window, with its decorations). */
export function screenshotScreen(file) {
  execFileSync('import', ['-window', 'root', file], { stdio: 'ignore', timeout: 30_000 });
  return existsSync(file);
}

/** Where the specs' pictures go: the artifacts folder, or TANDEM_E2E_SHOTS to keep them apart. */
export const SHOTS = process.env.TANDEM_E2E_SHOTS ?? ARTIFACTS;

/** Waits until the page has painted, then takes a picture of the whole screen into `file`. */
export async function screenshotPainted(driver, file) {
  await driver.executeAsyncScript('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));');
  mkdirSync(path.dirname(file), { recursive: true });
  return screenshotScreen(file);
}

/** A picture of the whole screen under <SHOTS>/<name>.png, once the page has painted. */
export async function shot(driver, name) {
  return screenshotPainted(driver, path.join(SHOTS, `${name}.png`));
}

/** Clicks the element with this test id once it is visible. */
export async function click(driver, id) {
  await (await waitVisible(driver, id)).click();
}
