/**
 * `npm start` lands here (compiled to build/electron/cli.js, run by Node). It parses the flags
 * and starts the Electron app where the Electron runtime is installed, otherwise the browser
 * shell, which prints `Wizard ready at <url>` and opens the system browser when it can.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultConfigDir } from './startup/config-dir';
import { createWizardHost } from './host';
import { hasDisplay, openInSystemBrowser } from './startup/open-browser';
import { parseOptions, usage, UsageError, type WizardOptions } from './startup/options';
import { PortInUseError, startBrowserShell } from './shell-browser/server';
import { locateElectronRuntime } from './shell-electron/locate-runtime';

const buildRoot = path.resolve(__dirname, '..');
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

async function runBrowserShell(options: WizardOptions): Promise<void> {
  const host = await createWizardHost({
    shell: 'browser',
    practice: options.demo,
    version: readVersion(),
    configDir: defaultConfigDir(),
    openExternal: async () => 'page',
    ...(readPackagedClientId() ? { packagedClientId: readPackagedClientId() as string } : {}),
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

async function main(argv: string[]): Promise<void> {
  let options: WizardOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nRun with --help to see the options.\n`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(usage);
    return;
  }
  if (!options.web) {
    const electron = locateElectronRuntime();
    if (electron) {
      const child = spawn(electron, [path.join(__dirname, 'shell-electron', 'main.js'), ...argv], {
        stdio: 'inherit',
      });
      child.on('exit', (code) => process.exit(code ?? 0));
      return;
    }
    process.stderr.write('The Electron runtime is not installed here: using the browser shell.\n');
  }
  await runBrowserShell(options);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `The wizard could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
