/**
 * Renderer figures: the built bundle's size (raw and gzip; all of it, and what an English page
 * fetches at start: the app chunk, with the English words, and CSS) and the time from navigation to
 * the wizard's first render (rail and step visible) in Debian's Chromium, median of 5 cold pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { repoRoot, startWizard } from '../support/wizard-process';
import { chromiumLaunchOptions, median, round } from './support';

async function main(): Promise<void> {
  const assets = path.join(repoRoot, 'build', 'renderer', 'assets');
  let raw = 0;
  let gzip = 0;
  let startRaw = 0;
  let startGzip = 0;
  for (const file of readdirSync(assets).filter((name) => /\.(js|css)$/.test(name))) {
    const content = readFileSync(path.join(assets, file));
    const zipped = gzipSync(content).length;
    raw += content.length;
    gzip += zipped;
    if (!file.startsWith('locale-')) {
      startRaw += content.length;
      startGzip += zipped;
    }
  }

  const wizard = await startWizard({ demo: true });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const times: number[] = [];
  try {
    for (let run = 0; run < 5; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(wizard.url, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => document.querySelector('nav .rail-step') && document.querySelector('#step-title'),
        null,
        {
          polling: 'raf',
        },
      );
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  } finally {
    await browser.close();
    await wizard.stop();
  }
  process.stdout.write(
    `${JSON.stringify({
      bundleBytes: raw,
      bundleGzipBytes: gzip,
      englishStartBytes: startRaw,
      englishStartGzipBytes: startGzip,
      firstRenderMsMedianOf5: round(median(times)),
      firstRenderMsRuns: times.map((time) => round(time)),
    })}\n`,
  );
}

void main();
