/**
 * Renderer figures: the built bundle's size (raw and gzip; all of it, and what an English page
 * fetches at start: what index.html names and those files import statically — the app's
 * chunks with the first screen's English words, and CSS) and the time from navigation to
 * the wizard's first render (rail and step visible) in Debian's Chromium, median of 5 cold pages.
 * Beside it, in the same run, its anchor: a bare React 19 + zustand + react-i18next page
 * (tests/bench/bare-page/) built by the same Vite and measured the same way, and the ratios.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { responseHeaders } from '../../electron/shell-browser/server';
import { repoRoot, startWizard } from '../support/wizard-process';
import { chromiumLaunchOptions, median, round } from './support';

// Built into artifacts/, never into build/ (which electron-builder packages).
const barePageBuild = path.join(repoRoot, 'artifacts', 'bench', 'bare-page');

/**
 * What a page fetches before it can draw: the scripts and stylesheets its index.html names
 * (Vite lists the entry's static imports there as modulepreload) and whatever those import
 * statically in turn. Dynamic imports (later steps, other namespaces' words) are not followed.
 */
function startFiles(build: string): Set<string> {
  const html = readFileSync(path.join(build, 'index.html'), 'utf8');
  const files = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map(
    (match) => path.basename(match[1] ?? ''),
  );
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(path.join(build, 'assets', file), 'utf8');
    // `import … from "./x.js"` and `import "./x.js"`; never `import("./x.js")`.
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.(?:js|css))["']/g)) {
      if (match[1]) queue.push(match[1]);
    }
  }
  return files;
}

/** Bytes of the JS and CSS of a build (raw and gzip): all of it, and what it fetches at start. */
function assetBytes(build: string) {
  const assets = path.join(build, 'assets');
  const atStart = startFiles(build);
  const sizes = { raw: 0, gzip: 0, startRaw: 0, startGzip: 0, startFiles: [...atStart].sort() };
  for (const file of readdirSync(assets).filter((name) => /\.(js|css)$/.test(name))) {
    const content = readFileSync(path.join(assets, file));
    const zipped = gzipSync(content).length;
    sizes.raw += content.length;
    sizes.gzip += zipped;
    if (atStart.has(file)) {
      sizes.startRaw += content.length;
      sizes.startGzip += zipped;
    }
  }
  return sizes;
}

/** The bare page, built by the same Vite as the renderer (its own config beside it). */
function buildBarePage(): void {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = path.join('tests', 'bench', 'bare-page', 'vite.config.mts');
  const built = spawnSync(process.execPath, [vite, 'build', '--config', config], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new Error(`the bare page did not build (exit ${built.status})`);
}

/**
 * Serves the built bare page on loopback, as plain files; with `headers`, each response also
 * carries them (the browser shell's own, to measure what they cost apart from the app).
 */
async function serveBarePage(
  headers: Readonly<Record<string, string>> = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = http.createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = path.join(barePageBuild, name === '/' ? 'index.html' : name);
    if (!file.startsWith(barePageBuild)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        'Content-Type': types[path.extname(file)] ?? 'text/plain',
        ...headers,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A page on another site (localhost is another site than 127.0.0.1), to arrive from: what a
 * person's browser tab showed before (Chromium's new tab page is another site too).
 */
async function serveElsewhere(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Elsewhere</title><p>Another site</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Milliseconds from navigation to a rail and a step title, in a cold page of its own: opened
 * straight into a blank tab, or (`from`) after that tab showed a page of another site.
 */
async function firstRenderMs(browser: Browser, url: string, from?: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (from) await page.goto(from);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => document.querySelector('nav .rail-step') && document.querySelector('#step-title'),
      null,
      { polling: 'raf' },
    );
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  buildBarePage();
  const wizardBytes = assetBytes(path.join(repoRoot, 'build', 'renderer'));
  const bareBytes = assetBytes(barePageBuild);

  const wizard = await startWizard({ demo: true });
  const bare = await serveBarePage();
  const bareWithHeaders = await serveBarePage(responseHeaders);
  const elsewhere = await serveElsewhere();
  const browser = await chromium.launch(chromiumLaunchOptions);
  const pages = { wizard: wizard.url, bare: bare.url, bareWithHeaders: bareWithHeaders.url };
  type PageName = keyof typeof pages;
  const times = {
    blankTab: new Map<PageName, number[]>(),
    fromAnotherSite: new Map<PageName, number[]>(),
  };
  try {
    // Taken in turns, so a busy moment of the machine weighs on all alike.
    for (let run = 0; run < 5; run += 1) {
      for (const [name, url] of Object.entries(pages) as [PageName, string][]) {
        times.blankTab.set(name, [
          ...(times.blankTab.get(name) ?? []),
          await firstRenderMs(browser, url),
        ]);
        times.fromAnotherSite.set(name, [
          ...(times.fromAnotherSite.get(name) ?? []),
          await firstRenderMs(browser, url, elsewhere.url),
        ]);
      }
    }
  } finally {
    await browser.close();
    await bare.close();
    await bareWithHeaders.close();
    await elsewhere.close();
    await wizard.stop();
  }
  /** Medians and ratios of one way of arriving. */
  const arrival = (byPage: Map<PageName, number[]>) => {
    const runs = (name: PageName) => byPage.get(name) ?? [];
    const [wizardMs, bareMs, bareWithHeadersMs] = (
      ['wizard', 'bare', 'bareWithHeaders'] as const
    ).map((name) => median(runs(name)));
    return {
      wizardMsMedianOf5: round(wizardMs ?? 0),
      wizardMsRuns: runs('wizard').map((time) => round(time)),
      barePageMsMedianOf5: round(bareMs ?? 0),
      barePageMsRuns: runs('bare').map((time) => round(time)),
      // The bare page served with the browser shell's response headers (CSP, COOP, no-store…):
      // what those headers cost before any of the app runs.
      barePageWithShellHeadersMsMedianOf5: round(bareWithHeadersMs ?? 0),
      ratioToBarePage: round((wizardMs ?? 0) / (bareMs ?? 1), 2),
      ratioToBarePageWithShellHeaders: round((wizardMs ?? 0) / (bareWithHeadersMs ?? 1), 2),
    };
  };
  process.stdout.write(
    `${JSON.stringify({
      bundleBytes: wizardBytes.raw,
      bundleGzipBytes: wizardBytes.gzip,
      englishStartBytes: wizardBytes.startRaw,
      englishStartGzipBytes: wizardBytes.startGzip,
      startFiles: wizardBytes.startFiles,
      barePage: { startBytes: bareBytes.startRaw, startGzipBytes: bareBytes.startGzip },
      // The goal: first render within 1.3 times the bare page's. Two ways of arriving: a tab a
      // person had open on another site (the new tab page is one), where Chromium starts a fresh
      // page process for every page alike; and a blank tab (about:blank, Playwright's), where
      // the bare page may reuse the blank tab's process but the shell's
      // Cross-Origin-Opener-Policy makes Chromium start a new one first.
      firstRenderFromAnotherSite: arrival(times.fromAnotherSite),
      firstRenderInBlankTab: arrival(times.blankTab),
      startBytesRatioToBarePage: round(wizardBytes.startRaw / bareBytes.startRaw, 2),
      startGzipBytesRatioToBarePage: round(wizardBytes.startGzip / bareBytes.startGzip, 2),
    })}\n`,
  );
}

void main();
