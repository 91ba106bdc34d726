/** The wizard's command line as a user meets it: help, bad flags, a port already in use. */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cliPath, startWizard } from '../support/wizard-process';

const run = (...args: string[]) =>
  spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', timeout: 15_000 });

describe('wizard command line', () => {
  it('explains its flags with --help', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    for (const flag of ['--web', '--demo', '--port', '--no-open'])
      expect(result.stdout).toContain(flag);
  });

  it('refuses an unknown flag with a clear message and exit code 2', () => {
    const result = run('--web', '--frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown option: --frobnicate');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says plainly when the port is in use, without a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = run('--web', '--no-open', '--port', String(port));
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${port} is already in use`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('prints exactly one line with the address when it starts', async () => {
    const wizard = await startWizard({ demo: false });
    try {
      const stdout = wizard
        .output()
        .split('\n')
        .filter((line) => line.startsWith('Wizard ready at '));
      expect(stdout).toHaveLength(1);
      expect((await fetch(wizard.url, { redirect: 'manual' })).status).toBe(200);
      expect(new URL(wizard.url).hash).toMatch(/^#token=/);
    } finally {
      await wizard.stop();
    }
  });
});
