/**
 * shared/board/: a result keeps its problem's values; a change marks the results judged on it
 * out of date (and a new result makes one current again); firmware is information, a test
 * message on its way is waiting; the three plain rows and the rail's step status.
 */
import { describe, expect, it } from 'vitest';
import { printerFirmwareCheck, testMessageCheck } from '../../shared/board/printers';
import { problemFields, recordResults, shownState } from '../../shared/board/results';
import { checksFor } from '../../shared/board/sign-in';
import { stepStatus } from '../../shared/board/steps';
import { boardRows, boardRowsFor, rowState } from '../../shared/board/summary';
import { boardForMailCheck } from '../../shared/exchange/board';
import type { TestWatches } from '../../shared/contract/delivery';
import { initialProgress, type CheckId, type CheckResult } from '../../shared/model';

const at = '2026-12-07T10:00:00.000Z';
const later = '2026-12-07T11:00:00.000Z';
const passed = (summary?: string): CheckResult => ({
  state: 'passed',
  at,
  ...(summary ? { summary } : {}),
});
type Checks = Partial<Record<CheckId, CheckResult>>;

describe('board results', () => {
  it("keep a problem's values, bounded as the progress file allows", () => {
    expect(
      problemFields({ id: 'signin-failed', data: { code: 'AADSTS1', note: 'x'.repeat(400) } }),
    ).toMatchObject({ problemId: 'signin-failed', problemData: { code: 'AADSTS1' } });
    const long = problemFields({ id: 'signin-failed', data: { note: 'x'.repeat(400) } });
    expect(String(long.problemData?.['note'])).toHaveLength(300);
    expect(problemFields({ id: 'security-defaults-on' })).toEqual({
      problemId: 'security-defaults-on',
    });
    expect(problemFields(null)).toEqual({});
  });

  it('a failed mail check keeps its problem values on the board (no raw placeholder)', () => {
    const updates = boardForMailCheck({
      authenticated: false,
      mailbox: 'scanner@contoso.example',
      problem: { id: 'smtp-auth-disabled-tenant', data: { server: 'smtp.office365.com:587' } },
      sendTest: false,
      testAddress: null,
    });
    const login = updates.find((update) => update.check === 'smtp-login');
    expect(login?.result).toMatchObject({
      state: 'failed',
      problemData: { server: 'smtp.office365.com:587' },
    });
  });

  it('a later failure marks what was judged on it out of date, not the rest', () => {
    const before: Checks = {
      'signed-in': passed('admin@contoso.example'),
      'consent-role': passed(),
      'smtp-auth-organization': passed(),
      'smtp-login': passed('admin@contoso.example'),
      'test-message': passed(),
      'printer-signed-in': passed('1/1'),
    };
    const after = recordResults(
      before,
      [
        {
          check: 'smtp-auth-organization',
          result: { state: 'failed', problemId: 'smtp-auth-disabled-tenant' },
        },
      ],
      later,
    );
    expect(after['smtp-auth-organization']).toMatchObject({ state: 'failed', at: later });
    expect(shownState(after['smtp-login'])).toBe('stale');
    expect(shownState(after['test-message'])).toBe('stale');
    expect(after['smtp-login']?.at).toBe(at);
    expect(shownState(after['signed-in'])).toBe('passed');
    expect(shownState(after['consent-role'])).toBe('passed');
    expect(shownState(after['printer-signed-in'])).toBe('passed');
  });

  it('another account makes the checks made with the first one out of date', () => {
    const before: Checks = {
      'signed-in': passed('admin@contoso.example'),
      'smtp-login': passed('admin@contoso.example'),
      'conditional-access': passed(),
    };
    const after = recordResults(
      before,
      [
        { check: 'signed-in', result: { state: 'passed', summary: 'scanner@contoso.example' } },
        { check: 'consent-role', result: { state: 'passed', summary: 'admin@contoso.example' } },
      ],
      later,
    );
    expect(after['smtp-login']?.stale).toBe(true);
    expect(after['conditional-access']?.stale).toBe(true);
    // Recorded in the same change: current.
    expect(after['consent-role']?.stale).toBeUndefined();
  });

  it('the same result again changes nothing, and a re-run makes a stale result current', () => {
    const before: Checks = {
      'signed-in': passed('admin@contoso.example'),
      'smtp-login': { ...passed('admin@contoso.example'), stale: true },
    };
    const same = recordResults(
      before,
      [{ check: 'signed-in', result: { state: 'passed', summary: 'admin@contoso.example' } }],
      later,
    );
    expect(same['smtp-login']?.stale).toBe(true);
    const rerun = recordResults(
      same,
      [{ check: 'smtp-login', result: { state: 'passed', summary: 'admin@contoso.example' } }],
      later,
    );
    expect(rerun['smtp-login']?.stale).toBeUndefined();
    expect(shownState(rerun['smtp-login'])).toBe('passed');
  });

  it('a running or waiting result makes nothing out of date yet', () => {
    const before: Checks = { 'status-sheet': passed('1/1'), 'printer-test-message': passed('1/1') };
    const after = recordResults(
      before,
      [{ check: 'printer-found', result: { state: 'running' } }],
      later,
    );
    expect(after['status-sheet']?.stale).toBeUndefined();
  });
});

describe('board lines', () => {
  it('firmware is information to check, never a warning', () => {
    const printer = {
      id: 'p1',
      name: 'ET-2850',
      model: 'ET-2850',
      vendor: 'epson' as const,
      addresses: [],
      webConfigUrl: null,
    };
    expect(printerFirmwareCheck([{ ...printer, firmwareVersion: '05.27' }]).state).toBe('info');
    expect(printerFirmwareCheck([{ ...printer, firmwareVersion: null }]).state).toBe('info');
  });

  it('a test message on its way, or not yet watched, is waiting', () => {
    const watch = (outcome: unknown) =>
      ({
        p1: { printerId: 'p1', outcome, startedAt: at, expectedSender: 'a@b' },
      }) as unknown as TestWatches;
    expect(testMessageCheck(['p1'], watch({ state: 'watching' }))?.state).toBe('waiting');
    expect(testMessageCheck(['p1'], watch({ state: 'needs-permission' }))?.state).toBe('waiting');
    expect(testMessageCheck(['p1'], watch({ state: 'stopped' }))?.state).toBe('waiting');
    expect(
      testMessageCheck(
        ['p1'],
        watch({ state: 'failed', problemId: 'test-watch-unknown', data: { status: 403 } }),
      ),
    ).toMatchObject({ state: 'failed', problemData: { status: 403 } });
  });

  it('a failed sign-in says nothing new about consent; a non-administrator is not told nobody consented', () => {
    const failed = checksFor({
      phase: 'signed-out',
      problem: { id: 'signin-admin-consent-required', data: { code: 'AADSTS90094' } },
    } as never);
    expect(failed?.consentRole).toBeNull();
    expect(failed?.signedIn).toMatchObject({ problemData: { code: 'AADSTS90094' } });
    const scanner = {
      phase: 'signed-in',
      account: {
        username: 'scanner@contoso.example',
        role: { state: 'cannot-consent', roles: [] },
      },
    } as never;
    expect(checksFor(scanner)?.consentRole?.problemId).toBe('consent-role-missing');
    expect(checksFor(scanner, 'admin@contoso.example')?.consentRole).toEqual({
      state: 'passed',
      summary: 'admin@contoso.example',
    });
  });
});

describe('the three rows and the rail', () => {
  const [microsoft, printer, testScan] = boardRows;
  if (!microsoft || !printer || !testScan) throw new Error('three rows');

  it('a run can end all green: firmware and checks not needed do not hold a row back', () => {
    const checks: Checks = {
      'printer-found': passed('ET-2850'),
      'printer-firmware': { state: 'info', at, summary: '05.27' },
      'signed-in': passed('admin@contoso.example'),
      'consent-role': passed(),
      'smtp-login': passed(),
      'printer-signed-in': passed('1/1'),
      'status-sheet': passed('1/1'),
      'printer-test-message': passed('1/1'),
    };
    expect(boardRows.map((row) => rowState(row, checks))).toEqual(['passed', 'passed', 'passed']);
  });

  it('a row waits, needs attention for a stale or failed check, and is not run at first', () => {
    expect(boardRows.map((row) => rowState(row, {}))).toEqual(['not-run', 'not-run', 'not-run']);
    expect(rowState(testScan, { 'printer-test-message': { state: 'waiting', at } })).toBe(
      'waiting',
    );
    expect(
      rowState(microsoft, { 'signed-in': passed(), 'smtp-login': { ...passed(), stale: true } }),
    ).toBe('attention');
    expect(rowState(printer, { 'status-sheet': { state: 'failed', at } })).toBe('failed');
  });

  it('every printer on another way: Microsoft 365 ready is the way proven, nothing less', () => {
    const [wayRow] = boardRowsFor(true);
    if (!wayRow) throw new Error('rows');
    expect(wayRow.checks).toEqual(['sending-way']);
    expect(boardRowsFor(false)).toBe(boardRows);
    // No sign-in and no SMTP login: the way's proof alone makes it green.
    expect(rowState(wayRow, { 'sending-way': passed('Brother: direct-send') })).toBe('passed');
    // A way chosen but not proven (information) is not green here, as it would be for firmware.
    expect(rowState(wayRow, { 'sending-way': { state: 'info', at } })).toBe('not-run');
    expect(rowState(wayRow, { 'sending-way': { state: 'failed', at } })).toBe('failed');
    expect(rowState(wayRow, { 'signed-in': passed(), 'smtp-login': passed() })).toBe('not-run');
  });

  it('the rail: the sign-in steps are not needed when every printer sends by another way', () => {
    const chosen = {
      id: 'p1',
      name: 'Brother',
      model: 'Brother MFC-L2750DW series',
      vendor: 'brother' as const,
      addresses: [],
      webConfigUrl: null,
      firmwareVersion: null,
    };
    const onAWay = {
      ...initialProgress,
      printers: [chosen],
      printerSetup: {
        p1: {
          signedIn: null,
          answers: {},
          statusSheet: null,
          sendingWay: { way: 'hve' as const, chosenAt: at },
        },
      },
    };
    expect(stepStatus('prepare-exchange', onAWay)).toBe('not-needed');
    expect(stepStatus('sign-in', onAWay)).toBe('not-needed');
    expect(stepStatus('verify-tenant', onAWay)).toBe('not-needed');
    expect(stepStatus('set-up-printer', onAWay)).toBe('not-started');
    expect(stepStatus('sign-in', { ...onAWay, printerSetup: {} })).toBe('not-started');
    // "Choose a way to keep sending": only for a printer that needs or has another way.
    expect(stepStatus('keep-sending', { ...onAWay, printerSetup: {} })).toBe('not-needed');
    expect(stepStatus('keep-sending', onAWay)).toBe('not-started');
    const overruled = {
      p1: { signedIn: null, answers: {}, statusSheet: null, noOauthInEmailSettings: true },
    };
    expect(stepStatus('keep-sending', { ...onAWay, printerSetup: overruled })).toBe('not-started');
    expect(stepStatus('keep-sending', { ...onAWay, printers: [] })).toBe('not-started');
  });

  it('the rail: done, needs attention or not started, never just "opened"', () => {
    const progress = {
      ...initialProgress,
      step: 'sign-in' as const,
      visited: ['welcome', 'find-printer', 'sign-in'] as never,
    };
    expect(stepStatus('welcome', progress)).toBe('done');
    expect(stepStatus('find-printer', progress)).toBe('not-started');
    expect(stepStatus('done', progress)).toBe('not-started');
    const found = {
      ...progress,
      checks: { 'printer-found': passed(), 'printer-firmware': { state: 'info', at } },
    } as typeof progress;
    expect(stepStatus('find-printer', found)).toBe('done');
    const firmwareOnly = {
      ...progress,
      checks: { 'printer-firmware': { state: 'info', at } },
    } as typeof progress;
    expect(stepStatus('find-printer', firmwareOnly)).toBe('not-started');
    const failed = {
      ...progress,
      checks: { 'smtp-login': { state: 'failed', at } },
    } as typeof progress;
    expect(stepStatus('verify-tenant', failed)).toBe('attention');
    const stale = {
      ...progress,
      checks: { 'smtp-login': { ...passed(), stale: true } },
    } as typeof progress;
    expect(stepStatus('verify-tenant', stale)).toBe('attention');
  });
});
