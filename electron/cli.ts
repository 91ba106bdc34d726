/**
 * `npm start` lands here (compiled to build/electron/cli.js, run by Node). It parses the flags
 * and starts the Electron app where the Electron runtime is installed, otherwise the browser
 * shell, which prints `Wizard ready at <url>` and opens the system browser when it can.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseOptions, usage, UsageError, type WizardOptions } from './startup/options';
import { runBrowserShell } from './shell-browser/run';
import { locateElectronRuntime } from './shell-electron/locate-runtime';

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
