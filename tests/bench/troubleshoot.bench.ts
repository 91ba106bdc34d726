/**
 * The troubleshooter: how long recognising a pasted text takes (a table of real-world strings
 * and a 4,000-character paste of junk, median of many runs), how long the fallback browser
 * sign-in takes against the practice tenant (start → signed in, browser driven over HTTP,
 * median of 5), and the catalogue's size. Prints one JSON object as the last line.
 *
 * Run: bash scripts/with-keyring.sh npx tsx tests/bench/troubleshoot.bench.ts
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { problemCatalogue, type ProblemId } from '../../shared/problems/index';
import { printerMessages } from '../../shared/troubleshoot/printer-messages';
import { recogniseText } from '../../shared/troubleshoot/recognise';
import { checkingActions, remediesFor } from '../../shared/troubleshoot/remedies';
import { startSignInRig } from '../support/practice-signin';
import { median, round } from './support';

const samples = [
  '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.409Z 08DBB34A1B5F4C7E]',
  'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy blocks the authentication flow: device code flow.',
  '361',
  printerMessages['must-sign-in'].uk,
  'Current Status : Signed in',
  'my scanner is being weird today',
];
const junk = 'lorem ipsum dolor sit amet '.repeat(160).slice(0, 4000);

function timeRecognition(text: string, runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    recogniseText(text);
    times.push(performance.now() - start);
  }
  return median(times) * 1000; // microseconds
}

async function browserSignInMs(): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const rig = await startSignInRig({
      configDir: mkdtempSync(path.join(os.tmpdir(), 'bench-browser-signin-')),
      initial: { tenant: 'device-code-blocked' },
    });
    try {
      const start = performance.now();
      const { url } = await rig.service.startBrowserSignIn(async () => 'page');
      const origin = new URL(url).origin;
      const post = async (where: string, fields: Record<string, string>): Promise<string> =>
        (
          await fetch(where, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(fields).toString(),
          })
        ).text();
      const first = await (await fetch(url)).text();
      const flow = /name="flow" value="([^"]+)"/.exec(first)?.[1] ?? '';
      await post(`${origin}/account`, { flow, upn: 'admin@contoso.example' });
      let html = await post(`${origin}/password`, { flow, password: 'practice' });
      if (html.includes('Permissions requested')) {
        html = await post(`${origin}/consent`, { flow, action: 'accept', organization: 'on' });
      }
      const action = /action="([^"]+)"/.exec(html)?.[1] ?? '';
      const fields = Object.fromEntries(
        [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
          m[1] ?? '',
          (m[2] ?? '').replace(/&amp;/g, '&'),
        ]),
      );
      await post(action, fields);
      await rig.waitFor((status) => status.phase === 'signed-in');
      times.push(performance.now() - start);
    } finally {
      await rig.stop();
    }
  }
  return times;
}

async function main(): Promise<void> {
  for (const text of samples) timeRecognition(text, 200); // warm up
  const perSample = samples.map((text) => timeRecognition(text, 2000));
  const ids = Object.keys(problemCatalogue) as ProblemId[];
  const reported = ids.filter((id) => problemCatalogue[id].area === 'troubleshoot');
  const checkable = reported.filter((id) =>
    remediesFor(id).some((action) => checkingActions.has(action)),
  );
  const signIn = await browserSignInMs();
  console.log(
    JSON.stringify({
      recogniseMedianMicroseconds: round(median(perSample), 1),
      recogniseWorstSampleMicroseconds: round(Math.max(...perSample), 1),
      recogniseJunk4000CharsMicroseconds: round(timeRecognition(junk, 500), 1),
      browserSignInMedianMs: Math.round(median(signIn)),
      browserSignInMaxMs: Math.round(Math.max(...signIn)),
      catalogueEntries: ids.length,
      producedByTheWizardsOwnChecks: ids.length - reported.length,
      reportedByTheUser: reported.length,
      reportedWhoseCauseTheWizardCanCheck: checkable.length,
    }),
  );
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
