/**
 * Benchmark: the printer's test message, from the send (XOAUTH2 over STARTTLS through the
 * practice Exchange, as the practice printer's panel sends) to the wizard's "Arrived" (the
 * watcher over the practice Graph, with the product's own poll interval), median of 10; and
 * the Graph calls each watch made.
 * Run: npx tsx tests/bench/delivery.bench.ts   (last line of stdout is one JSON object)
 */
import nodemailer from 'nodemailer';
import type { TestWatches } from '../../shared/contract/delivery';
import { cloudProfiles, type CloudProfile } from '../../shared/cloud-profiles';
import { createTestMailWatcher } from '../../electron/services/delivery/test-mail-watcher';
import { createPracticeExchange } from '../../electron/simulator/practice-exchange';
import { createPracticeMailbox } from '../../electron/simulator/practice-mailbox';
import {
  createPracticeTenant,
  practiceAccounts,
  practiceClientIds,
  practiceTenantId,
} from '../../electron/simulator/practice-tenant';
import { startPracticeWorld } from '../../electron/simulator/practice-world';
import { createPracticeTokenSource } from '../support/practice-token-source';
import { median, round } from './support';

const runs = 10;
const printer = 'scanner@contoso.example';

async function main(): Promise<void> {
  const world = await startPracticeWorld({
    parts: [() => createPracticeTenant(), createPracticeExchange, () => createPracticeMailbox()],
    initial: { smtpAuthOrganization: 'on' },
  });
  try {
    const profile = { ...cloudProfiles.global, ...world.cloudProfile() } as CloudProfile;
    const account = practiceAccounts.find((candidate) => candidate.upn === printer);
    if (!account) throw new Error('practice account missing');
    let latest: TestWatches = {};
    const watcher = createTestMailWatcher({
      tokens: createPracticeTokenSource(world.tokens, printer),
      profile: async () => profile,
      trustedCa: () => world.certificate.cert,
      onChange: (watches) => (latest = watches),
    });
    const sendToArrivedMs: number[] = [];
    const graphCalls: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = await watcher.start({ printerId: `p${run}`, expectedSender: printer });
      const transport = nodemailer.createTransport({
        host: profile.smtpHost,
        port: profile.smtpPort,
        secure: false,
        requireTLS: true,
        tls: { ca: [world.certificate.cert] },
        auth: {
          type: 'OAuth2',
          user: printer,
          accessToken: world.tokens.issue({
            aud: 'https://outlook.office.com',
            scp: 'SMTP.Send',
            upn: printer,
            oid: account.oid,
            tid: practiceTenantId,
            appid: practiceClientIds.printer,
          }),
        },
      });
      const sent = performance.now();
      await transport.sendMail({ from: printer, to: printer, subject: `Scan ${started.code}` });
      transport.close();
      await watcher.settled();
      const watch = latest[`p${run}`];
      if (watch?.outcome.state !== 'arrived')
        throw new Error(`run ${run}: ${watch?.outcome.state}`);
      sendToArrivedMs.push(performance.now() - sent);
      graphCalls.push(watch.graphCalls);
    }
    watcher.close();
    process.stdout.write(
      `${JSON.stringify({
        runs,
        pollMs: 5000,
        sendToArrivedMedianMs: round(median(sendToArrivedMs)),
        sendToArrivedMaxMs: round(Math.max(...sendToArrivedMs)),
        graphCallsPerWatchMedian: median(graphCalls),
        graphCallsPerWatchMax: Math.max(...graphCalls),
      })}\n`,
    );
  } finally {
    await world.stop();
  }
}

void main();
