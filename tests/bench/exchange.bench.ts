/**
 * Benchmark: the wizard's full Exchange check (connect, STARTTLS, AUTH XOAUTH2, send one test
 * message) against the practice Exchange, median of 10, and the same send with bare
 * nodemailer in the same run, interleaved; our overhead as a ratio. Also the login-only check.
 * Run: npx tsx tests/bench/exchange.bench.ts   (last line of stdout is one JSON object)
 */
import nodemailer from 'nodemailer';
import { createMailCheckService } from '../../electron/services/mail-check';
import { createPracticeExchange } from '../../electron/simulator/practice-exchange';
import { createPracticeTenant } from '../../electron/simulator/practice-tenant';
import { startPracticeWorld } from '../../electron/simulator/practice-world';
import { cloudProfiles } from '../../shared/cloud-profiles';
import { createPracticeTokenSource } from '../support/practice-token-source';

const runs = 10;
const warmup = 2;
const mailbox = 'scanner@contoso.example';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number): number => sorted[index] ?? Number.NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
};
const round = (value: number): number => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const world = await startPracticeWorld({
    parts: [() => createPracticeTenant(), createPracticeExchange],
    initial: { smtpAuthOrganization: 'on' },
  });
  try {
    const profile = { ...cloudProfiles.global, ...world.cloudProfile() };
    const tokens = createPracticeTokenSource(world.tokens, mailbox);
    const ours = createMailCheckService({
      tokens,
      profile: async () => profile,
      trustedCa: () => world.certificate.cert,
      productName: 'Printer Mail Setup Wizard',
    });
    const { token } = await tokens.getAccessToken([profile.smtpScope]);
    const bare = async (): Promise<void> => {
      const transport = nodemailer.createTransport({
        host: profile.smtpHost,
        port: profile.smtpPort,
        secure: false,
        requireTLS: true,
        tls: { ca: [world.certificate.cert] },
        auth: { type: 'OAuth2', user: mailbox, accessToken: token },
      });
      try {
        await transport.sendMail({ from: mailbox, to: mailbox, subject: 'bench', text: 'bench' });
      } finally {
        transport.close();
      }
    };
    const time = async (work: () => Promise<unknown>): Promise<number> => {
      const started = process.hrtime.bigint();
      await work();
      return Number(process.hrtime.bigint() - started) / 1e6;
    };

    const oursSend: number[] = [];
    const bareSend: number[] = [];
    const oursLogin: number[] = [];
    for (let index = 0; index < warmup + runs; index += 1) {
      const a = await time(async () => {
        const result = await ours.run({ sendTest: true });
        if (!result.passed) throw new Error(`check failed: ${result.problem?.id}`);
      });
      const b = await time(bare);
      const c = await time(async () => {
        const result = await ours.run({ sendTest: false });
        if (!result.passed) throw new Error(`login failed: ${result.problem?.id}`);
      });
      if (index >= warmup) {
        oursSend.push(a);
        bareSend.push(b);
        oursLogin.push(c);
      }
    }
    const summary = {
      name: 'exchange-mail-check',
      unit: 'ms',
      runs,
      wizardFullCheckWithSendMedian: round(median(oursSend)),
      bareNodemailerSendMedian: round(median(bareSend)),
      overheadRatio: Math.round((median(oursSend) / median(bareSend)) * 100) / 100,
      wizardLoginOnlyMedian: round(median(oursLogin)),
      delivered: world.part<ReturnType<typeof createPracticeExchange>>('exchange')?.messages()
        .length,
    };
    process.stdout.write(
      `wizard check+send ${summary.wizardFullCheckWithSendMedian} ms, bare nodemailer ${summary.bareNodemailerSendMedian} ms, ratio ${summary.overheadRatio}\n`,
    );
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await world.stop();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
