/** Command-line flags shared by both shells. Unknown flags are an error (exit code 2). */
export interface WizardOptions {
  /** Force the browser shell even where the Electron runtime is installed. */
  web: boolean;
  /** Use the practice world instead of Microsoft and real printers. */
  demo: boolean;
  /** Browser shell port; 0 picks a free one. */
  port: number;
  /** Do not launch a browser for the browser shell. */
  open: boolean;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const usage = `Printer Mail Setup Wizard

Usage: npm start -- [options]

Options:
  --web        Use the browser shell even where the Electron app can run. The wizard is then
               served on 127.0.0.1 only, behind a one-time token in the printed address.
  --demo       Practice mode: a simulated Microsoft tenant, Exchange and printers on this
               computer only. Nothing is sent to Microsoft or to your printers.
  --port N     Port for the browser shell (default: a free one).
  --no-open    Do not open a browser window (the address is still printed).
  --help       Show this help.

Environment:
  WIZARD_CLIENT_ID     The Microsoft app (client ID) the wizard signs in with (see docs/client-id.md).
  WIZARD_CLOUD_FILE    A JSON file with custom Microsoft endpoints and CA (see docs/signin.md).
  WIZARD_CONFIG_DIR    Where progress is kept (default: your user config folder).
`;

export function parseOptions(argv: readonly string[]): WizardOptions {
  const options: WizardOptions = { web: false, demo: false, port: 0, open: true, help: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const [flag, inline] = arg.startsWith('--') ? splitInline(arg) : [arg, undefined];
    switch (flag) {
      case '--web':
        options.web = true;
        break;
      case '--demo':
        options.demo = true;
        break;
      case '--no-open':
        options.open = false;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--port': {
        const value = inline ?? argv[(index += 1)];
        options.port = parsePort(value);
        break;
      }
      default:
        throw new UsageError(`Unknown option: ${arg}`);
    }
  }
  return options;
}

function splitInline(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return equals === -1 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}

function parsePort(value: string | undefined): number {
  if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`--port needs a number from 0 to 65535, not ${value ?? 'nothing'}`);
  }
  return Number(value);
}
