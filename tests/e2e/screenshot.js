// Opens the app on TANDEM_DB, waits for the directory, and takes a picture of the whole screen.
//   node screenshot.js <out.png>   (run.sh calls it at the end of a run)

import { launch, quit, screenshotScreen, textsOf, WAIT } from './lib/app.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: node screenshot.js <out.png>');
  process.exit(2);
}
const driver = await launch(null);
try {
  await driver.wait(async () => (await textsOf(driver, 'employee-row')).length > 0, WAIT);
  // Let the fonts and the list's last layout settle before the picture.
  await driver.executeAsyncScript('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));');
  screenshotScreen(out);
} finally {
  await quit(driver);
}
