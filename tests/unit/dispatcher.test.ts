import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/handlers/dispatcher';
import { createHandlerTable } from '../../electron/handlers/table';
import type { ExchangeServices } from '../../electron/handlers/exchange';
import type { PrinterServices } from '../../electron/handlers/printer';
import { ProblemError } from '../../electron/common/problem-error';
import type { AppInfoService } from '../../electron/services/app-info';
import type { DiscoveryService } from '../../electron/services/discovery/discovery-service';
import type { SignInService } from '../../electron/services/signin/signin-service';
import type { TestMailWatcher } from '../../electron/services/delivery/test-mail-watcher';
import { createLinkPolicy } from '../../electron/services/link-policy';
import type { ProgressService } from '../../electron/services/progress-service';
import type { Journey } from '../../electron/services/journey';
import { initialProgress } from '../../shared/model';

/** A service these tests never reach: any use is a test failure. */
function unused<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_target, property) => {
      throw new Error(`${name}.${String(property)} should not be used here`);
    },
  });
}

function setup(appInfo: Partial<AppInfoService> = {}) {
  const lines: string[] = [];
  const table = createHandlerTable({
    appInfo: {
      getAppInfo: () =>
        Promise.reject(new Error('boom with token eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4eHh4eHh4eCJ9.x')),
      checkKeychain: () => Promise.reject(new ProblemError('keychain-unavailable')),
      ...appInfo,
    },
    // Only refused parameters reach these: progress and the journey are never asked.
    progress: unused<ProgressService>('progress'),
    journey: unused<Journey>('journey'),
    links: createLinkPolicy(),
    openExternal: async () => 'page',
    practice: null,
    discovery: unused<DiscoveryService>('discovery'),
    signIn: unused<SignInService>('signIn'),
    exchange: unused<ExchangeServices>('exchange'),
    printer: unused<PrinterServices>('printer'),
    testMail: unused<TestMailWatcher>('testMail'),
  });
  return { dispatch: createDispatcher(table, { log: (line) => lines.push(line) }), lines };
}

describe('dispatcher', () => {
  it('answers an unknown method with a problem', async () => {
    const { dispatch } = setup();
    expect(await dispatch('rm -rf', {})).toEqual({
      ok: false,
      problem: { id: 'request-unknown-method', data: { method: 'rm -rf' } },
    });
    expect(await dispatch(42, {})).toMatchObject({
      ok: false,
      problem: { id: 'request-unknown-method' },
    });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false });
  });

  it.each([
    ['setPracticeProgress', { ...initialProgress, step: 'nowhere' }],
    ['setPracticeProgress', { ...initialProgress, accessToken: 'secret' }],
    ['setPracticeProgress', 'not an object'],
    ['openExternal', { url: 42 }],
    ['getProgress', { extra: true }],
  ])('refuses malformed parameters for %s', async (method, params) => {
    const { dispatch } = setup();
    expect(await dispatch(method, params)).toMatchObject({
      ok: false,
      problem: { id: 'request-malformed' },
    });
  });

  it('passes a service problem through and hides unexpected failures behind a reference', async () => {
    const { dispatch, lines } = setup();
    expect(await dispatch('checkKeychain', {})).toEqual({
      ok: false,
      problem: { id: 'keychain-unavailable' },
    });
    const reply = await dispatch('getAppInfo', {});
    expect(reply).toMatchObject({ ok: false, problem: { id: 'request-failed' } });
    expect(JSON.stringify(reply)).not.toContain('boom');
    expect(lines.join('\n')).toContain('boom');
    expect(lines.join('\n')).not.toContain('eyJ');
  });

  it('refuses links outside the allow-list and practice switches outside practice', async () => {
    const { dispatch } = setup();
    expect(await dispatch('openExternal', { url: 'https://evil.example/' })).toMatchObject({
      ok: false,
      problem: { id: 'link-not-allowed' },
    });
    expect(await dispatch('openExternal', { url: 'https://microsoft.com/devicelogin' })).toEqual({
      ok: true,
      value: { via: 'page' },
    });
    expect(await dispatch('getPracticeSettings', {})).toMatchObject({
      ok: false,
      problem: { id: 'practice-only' },
    });
  });
});
