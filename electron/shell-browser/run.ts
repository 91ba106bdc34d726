/**
 * The browser shell as a program: what `npm start -- --web` runs (electron/cli.ts) and what the
 * test runs start with their timing knobs (tests/support/wizard-entry.mjs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createWizardHost, type HostOptions } from '../host';
import { defaultConfigDir } from '../startup/config-dir';
import { hasDisplay, openInSystemBrowser } from '../startup/open-browser';
import type { WizardOptions } from '../startup/options';
import { PortInUseError, startBrowserShell } from './server';

// Compiled to build/electron/shell-browser/run.js: build/ is two folders up.
const buildRoot = path.resolve(__dirname, '..', '..');
const appRoot = path.resolve(buildRoot, '..');

function readManifest(): { version: string; wizardClientId?: string } {
  return JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as {
    version: string;
    wizardClientId?: string;
  };
}

function readVersion(): string {
  return readManifest().version;
}

/** The client ID a packager baked in (`-c.extraMetadata.wizardClientId=<id>`), if any. */
function readPackagedClientId(): string | undefined {
  const value = readManifest().wizardClientId;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Starts the browser shell for these flags: composes the host, serves the renderer build on
 * loopback and prints `Wizard ready at <url>`. `extra` carries host options no flag sets (the
 * test runs' timing knobs, tests/support/wizard-entry.mjs).
 */
export async function runBrowserShell(
  options: WizardOptions,
  extra: Pick<HostOptions, 'timing'> = {},
): Promise<void> {
  const host = await createWizardHost({
    shell: 'browser',
    practice: options.demo,
    version: readVersion(),
    configDir: defaultConfigDir(),
    openExternal: async () => 'page',
    ...(readPackagedClientId() ? { packagedClientId: readPackagedClientId() as string } : {}),
    ...extra,
  });
  let shell;
  try {
    shell = await startBrowserShell({
      host,
      port: options.port,
      staticDir: path.join(buildRoot, 'renderer'),
    });
  } catch (error) {
    await host.close();
    if (error instanceof PortInUseError) {
      process.stderr.write(
        `Port ${error.port} is already in use. Pick another with --port N, or leave --port out to use a free one.\n`,
      );
      process.exit(1);
    }
    throw error;
  }
  process.stdout.write(`Wizard ready at ${shell.url}\n`);
  if (options.open && hasDisplay()) openInSystemBrowser(shell.url);
  const stop = (): void => {
    void shell
      .close()
      .then(() => host.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
