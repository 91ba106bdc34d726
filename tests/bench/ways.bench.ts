/**
 * Benchmark: "Prove this way" in practice, from the call to its answer (MX lookup on the
 * practice DNS, port and EHLO, SPF, one test message), median of 10 for direct send, a
 * connector (to a recipient outside the organization), High Volume Email and a password
 * sign-in turned back on (one AUTH LOGIN), and the answer for a port that never speaks (bounded
 * by the 10 s limit: one run, it is the limit itself).
 * Run: npx tsx tests/bench/ways.bench.ts   (last line of stdout is one JSON object)
 */
import { createWayProofService } from '../../electron/services/sending-way-proof';
import { createPracticeExchange } from '../../electron/simulator/practice-exchange';
import { createPracticeMx } from '../../electron/simulator/practice-mx';
import { createPracticeTenant } from '../../electron/simulator/practice-tenant';
import { startPracticeWorld } from '../../electron/simulator/practice-world';
import { cloudProfiles } from '../../shared/cloud-profiles';
import type { WayProofRequest } from '../../shared/contract/ways';
import { median, round } from './support';

const runs = 10;
const warmup = 2;

async function main(): Promise<void> {
  const world = await startPracticeWorld({
    parts: [() => createPracticeTenant(), createPracticeExchange, createPracticeMx],
  });
  try {
    const proof = createWayProofService({
      profile: async () => ({ ...cloudProfiles.global, ...world.cloudProfile() }),
      trustedCa: () => world.certificate.cert,
      overridden: () => ({ mxHost: true, hveHost: true, smtpHost: true }),
      productName: 'Printer Mail Setup Wizard',
    });
    const directSend: WayProofRequest = {
      printerId: 'bench',
      way: 'direct-send',
      sender: 'scanner@contoso.example',
      recipient: 'megan@contoso.example',
    };
    const hve: WayProofRequest = { ...directSend, way: 'hve', password: 'practice' };
    const connector: WayProofRequest = {
      ...directSend,
      way: 'connector-relay',
      recipient: 'someone@fabrikam.example',
    };
    const passwordForNow: WayProofRequest = { ...hve, way: 'password-for-now' };
    world.set('passwordLogin', 'turned-back-on');
    world.set('smtpAuthOrganization', 'on');
    const time = async (request: WayProofRequest, expectPassed: boolean): Promise<number> => {
      const started = process.hrtime.bigint();
      const result = await proof.run(request);
      if (result.passed !== expectPassed) {
        throw new Error(`proof ${request.way}: ${result.problem?.id ?? 'passed'}`);
      }
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const direct: number[] = [];
    const highVolume: number[] = [];
    const relayed: number[] = [];
    const password: number[] = [];
    for (let index = 0; index < warmup + runs; index += 1) {
      const a = await time(directSend, true);
      const b = await time(hve, true);
      const c = await time(connector, true);
      const d = await time(passwordForNow, true);
      if (index >= warmup) {
        direct.push(a);
        highVolume.push(b);
        relayed.push(c);
        password.push(d);
      }
    }
    world.set('port25', 'hangs');
    const silent = await time(directSend, false);
    const summary = {
      name: 'ways-prove',
      unit: 'ms',
      runs,
      directSendProofMedian: round(median(direct)),
      hveProofMedian: round(median(highVolume)),
      connectorProofMedian: round(median(relayed)),
      passwordForNowProofMedian: round(median(password)),
      silentPortAnswer: round(silent),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await world.stop();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
