/**
 * Starts the real wizard CLI (`node build/electron/cli.js --web`) the way a user would, with
 * its own config folder, and reads the address it prints. Used by e2e and integration tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const cliPath = path.join(repoRoot, 'build', 'electron', 'cli.js');
const entryPath = path.join(repoRoot, 'tests', 'support', 'wizard-entry.mjs');

export interface WizardProcess {
  url: string;
  origin: string;
  token: string;
  configDir: string;
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  demo?: boolean;
  configDir?: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  /** The host's timing knobs (shorter watches); set, the wizard starts through wizard-entry.mjs. */
  timing?: { testWatchLimitMs?: number; testWatchPollMs?: number; practiceLateMs?: number };
}

export async function startWizard(options: StartOptions = {}): Promise<WizardProcess> {
  const configDir = options.configDir ?? mkdtempSync(path.join(os.tmpdir(), 'wizard-config-'));
  const flags = ['--web', '--no-open', '--port', String(options.port ?? 0)];
  if (options.demo ?? true) flags.push('--demo');
  const args = options.timing
    ? [entryPath, JSON.stringify(options.timing), ...flags]
    : [cliPath, ...flags];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env, WIZARD_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitForAddress(child, () => output);
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
  return {
    url,
    origin: parsed.origin,
    token,
    configDir,
    output: () => output,
    stop: async () => {
      await signOutQuietly(parsed.origin, token);
      await stopProcess(child);
    },
  };
}

/**
 * Signs the stopped wizard out first: its practice sign-in is kept in the (test) keychain under
 * its practice Microsoft's address, whose port a later wizard may draw again and then restore a
 * sign-in its own practice Microsoft never issued (seen once: "The sign-in failed
 * (AADSTS9002313)" on a fresh wizard). Best effort: a wizard that no longer answers is stopped
 * all the same.
 */
async function signOutQuietly(origin: string, token: string): Promise<void> {
  if (!token) return;
  try {
    await fetch(`${origin}/api/signOut`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(3000),
    });
  } catch {
    // Not answering (already exited, or its keychain hangs on purpose): nothing to leave behind.
  }
}

function waitForAddress(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The wizard did not start within 15 s:\n${output()}`));
    }, 15_000);
    const check = (): void => {
      const match = /Wizard ready at (\S+)/.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The wizard exited with ${code}:\n${output()}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
