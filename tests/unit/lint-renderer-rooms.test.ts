/**
 * The renderer's lint rooms hold: ESLint (the repository's own config) refuses a step that
 * imports another step, and the imports a step may make still pass. Each case is linted as if
 * it were a file at the given path.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test, vi } from 'vitest';

// Loading ESLint's configuration and plugins takes the first test 3-4 s alone; beside the e2e in
// a full run it took up to 13 s of the default 20.
vi.setConfig({ testTimeout: 60_000 });

const repoRoot = path.resolve(__dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('a step folder imports no other step', () => {
  test('a step importing from a sibling step is refused', async () => {
    const found = await restrictedImports(
      'renderer/steps/status-sheet/Deliberate.tsx',
      "import { PrinterPicker } from '../set-up-printer/SetUpPrinterStep';\nexport const x = PrinterPicker;\n",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('A step imports no other step');
  });

  test('the same reached through steps/ or the registry is refused too', async () => {
    const viaSteps = await restrictedImports(
      'renderer/steps/done/Deliberate.tsx',
      "import { SignInStep } from '../../steps/sign-in/SignInStep';\nexport const x = SignInStep;\n",
    );
    const registry = await restrictedImports(
      'renderer/steps/welcome/Deliberate.tsx',
      "import { stepScreens } from '../registry';\nexport const x = stepScreens;\n",
    );
    expect(viaSteps).toHaveLength(1);
    expect(registry).toHaveLength(1);
  });

  test("a step's own files, the step frame, shared pieces and the store pass", async () => {
    const found = await restrictedImports(
      'renderer/steps/status-sheet/Allowed.tsx',
      [
        "import { StepFrame } from '../common/StepFrame';",
        "import { ProblemNotice } from '../../components/ProblemNotice';",
        "import { PrinterPicker } from '../../printer-journey/PrinterPicker';",
        "import { useWizard } from '../../store/wizard-store';",
        "import { StatusSheetStep } from './StatusSheetStep';",
        'export const x = [StepFrame, ProblemNotice, PrinterPicker, useWizard, StatusSheetStep];',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([]);
  });

  test('outside steps/ the rule does not apply (the registry lists every step)', async () => {
    const found = await restrictedImports(
      'renderer/app/Deliberate.tsx',
      "import { SignInStep } from '../steps/sign-in/SignInStep';\nexport const x = SignInStep;\n",
    );
    expect(found).toEqual([]);
  });
});

describe('only renderer/store and renderer/api call main', () => {
  const call = [
    "import { useWizard } from '../../store/wizard-store';",
    'export async function run() {',
    '  const client = useWizard.getState().client;',
    "  return client?.invoke('runMailCheck', { sendTest: true });",
    '}',
    '',
  ].join('\n');

  async function restrictedSyntax(file: string, source: string): Promise<string[]> {
    const [result] = await eslint.lintText(source, { filePath: path.join(repoRoot, file) });
    return (result?.messages ?? [])
      .filter((message) => message.ruleId === 'no-restricted-syntax')
      .map((message) => message.message);
  }

  test('a step that calls main itself is refused', async () => {
    const found = await restrictedSyntax('renderer/steps/verify-tenant/Deliberate.ts', call);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('Only renderer/store/ and renderer/api/ call main');
  });

  test('so is any other renderer file outside the store and the api client', async () => {
    const troubleshoot = await restrictedSyntax(
      'renderer/troubleshoot/Deliberate.ts',
      call.replace('../../store/', '../store/'),
    );
    const components = await restrictedSyntax(
      'renderer/components/Deliberate.ts',
      call.replace('../../store/', '../store/'),
    );
    expect(troubleshoot).toHaveLength(1);
    expect(components).toHaveLength(1);
  });

  test('the store and the api client may', async () => {
    const store = await restrictedSyntax(
      'renderer/store/Deliberate.ts',
      call.replace('../../store/', './'),
    );
    const api = await restrictedSyntax(
      'renderer/api/Deliberate.ts',
      call.replace('../../store/', '../store/'),
    );
    expect(store).toEqual([]);
    expect(api).toEqual([]);
  });

  test('the raw-IPC rule still holds in the renderer beside it', async () => {
    const found = await restrictedSyntax(
      'renderer/components/Deliberate.ts',
      'declare const ipcRenderer: unknown;\nexport const x = ipcRenderer;\n',
    );
    expect(found.some((message) => message.includes('Raw IPC'))).toBe(true);
  });
});
