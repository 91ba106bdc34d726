// The wizard's browser shell for test runs that need shorter timings: the same program as
// `npm start -- --web` (build/electron/shell-browser/run.js), with the host's timing option
// set from one JSON argument, so the product never reads test knobs from its environment.
//   node tests/support/wizard-entry.mjs '{"testWatchLimitMs":6000}' --web --no-open --demo
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const build = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'build');
const { runBrowserShell } = require(path.join(build, 'electron', 'shell-browser', 'run.js'));
const { parseOptions } = require(path.join(build, 'electron', 'startup', 'options.js'));

const [timing = '{}', ...flags] = process.argv.slice(2);
runBrowserShell(parseOptions(flags), { timing: JSON.parse(timing) }).catch((error) => {
  process.stderr.write(`The wizard could not start: ${String(error)}\n`);
  process.exit(1);
});
