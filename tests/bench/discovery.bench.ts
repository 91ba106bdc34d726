/**
 * Discovery benchmark (`npx tsx tests/bench/discovery.bench.ts`): mDNS on loopback only.
 * - Time from browse start to the first printer listed (median of 10), wizard and bare.
 * - 50 and 200 printers x 4 service types announced at once by a separate process: the share
 *   of printers listed and grouped (all 4 services in one row) 0.5, 1, 2 and 5 s after the
 *   announcement, and this process's memory after; the same with a bare bonjour-service browse
 *   (the baseline), our figures also given as ratios to it.
 * Prints one JSON object as the last line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Bonjour from 'bonjour-service';
import { createDiscoveryService } from '../../electron/services/discovery/discovery-service';
import { median } from './support';

const root = path.resolve(__dirname, '..', '..');
const publisherScript = path.join(__dirname, 'support', 'mdns-publisher.mjs');
const types = ['ipp', 'ipps', 'http', 'uscan'] as const;
const checkpoints = [500, 1000, 2000, 5000];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Publisher {
  child: ChildProcess;
  announced: Promise<number>;
  go(): void;
  stop(): Promise<void>;
}

function startPublisher(count: number, runId: string, immediate = false): Promise<Publisher> {
  const child = spawn(
    process.execPath,
    [publisherScript, String(count), runId, types.join(','), immediate ? 'now' : ''],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let output = '';
  let resolveAnnounced: (at: number) => void = () => undefined;
  const announced = new Promise<number>((resolve) => (resolveAnnounced = resolve));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /announced (\d+)/.exec(output);
      if (match) resolveAnnounced(Number(match[1]));
      if (output.includes('ready')) {
        resolve({
          child,
          announced,
          go: () => child.stdin?.write('go\n'),
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGKILL');
            }),
        });
      }
    });
  });
}

/** A browser under test: counts rows (listed) and rows with all 4 services (grouped). */
interface Browse {
  counts(): { listed: number; grouped: number };
  stop(): Promise<void>;
}

function wizardBrowse(runId: string): Browse {
  const discovery = createDiscoveryService({ interfaces: () => ['127.0.0.1'] });
  discovery.start();
  return {
    counts() {
      const rows = discovery.snapshot().printers.filter((row) => row.model?.includes(runId));
      return {
        listed: rows.length,
        grouped: rows.filter((row) => row.services.length === 4).length,
      };
    },
    stop: () => discovery.stop(),
  };
}

/** bonjour-service as it comes: one browser per type, grouped here by host name. */
function bareBrowse(runId: string): Browse {
  const bonjour = new Bonjour.Bonjour(
    { interface: '127.0.0.1', bind: '0.0.0.0' } as unknown as Partial<Bonjour.ServiceConfig>,
    () => undefined,
  );
  const seen = new Map<string, Set<string>>();
  for (const type of types) {
    bonjour.find({ type }, (service) => {
      if (!service.host.includes(runId)) return;
      const set = seen.get(service.host) ?? new Set<string>();
      set.add(type);
      seen.set(service.host, set);
    });
  }
  return {
    counts: () => ({
      listed: seen.size,
      grouped: [...seen.values()].filter((set) => set.size === types.length).length,
    }),
    stop: () => new Promise<void>((resolve) => bonjour.destroy(() => resolve())),
  };
}

const browsers = { wizard: wizardBrowse, bare: bareBrowse };
type Kind = keyof typeof browsers;

async function timeToFirst(kind: Kind): Promise<number> {
  const runId = `first${randomBytes(3).toString('hex')}`;
  const publisher = await startPublisher(1, runId, true);
  await publisher.announced;
  await sleep(300);
  const started = performance.now();
  const browse = browsers[kind](runId);
  let elapsed = Number.NaN;
  while (performance.now() - started < 5000) {
    if (browse.counts().listed > 0) {
      elapsed = performance.now() - started;
      break;
    }
    await sleep(1);
  }
  await browse.stop();
  await publisher.stop();
  return elapsed;
}

async function scale(kind: Kind, count: number) {
  const runId = `scale${randomBytes(3).toString('hex')}`;
  const publisher = await startPublisher(count, runId);
  const browse = browsers[kind](runId);
  await sleep(500); // the browser's own first query has gone out
  const heapBefore = process.memoryUsage().heapUsed;
  publisher.go();
  const announcedAt = await publisher.announced;
  const shares: Record<string, { listed: number; grouped: number }> = {};
  for (const checkpoint of checkpoints) {
    await sleep(Math.max(0, announcedAt + checkpoint - Date.now()));
    const { listed, grouped } = browse.counts();
    shares[`${checkpoint / 1000}s`] = {
      listed: Number((listed / count).toFixed(3)),
      grouped: Number((grouped / count).toFixed(3)),
    };
  }
  const memory = process.memoryUsage();
  const result = {
    shares,
    rssMiB: Number((memory.rss / 2 ** 20).toFixed(1)),
    heapUsedMiB: Number((memory.heapUsed / 2 ** 20).toFixed(1)),
    heapGrowthMiB: Number(((memory.heapUsed - heapBefore) / 2 ** 20).toFixed(1)),
  };
  await browse.stop();
  await publisher.stop();
  await sleep(300);
  return result;
}

async function main(): Promise<void> {
  const first: Record<Kind, number[]> = { wizard: [], bare: [] };
  for (let round = 0; round < 10; round += 1) {
    for (const kind of ['bare', 'wizard'] as const) first[kind].push(await timeToFirst(kind));
  }
  const firstMedian = { wizard: median(first.wizard), bare: median(first.bare) };
  const runs: Record<string, Record<Kind, Awaited<ReturnType<typeof scale>>>> = {};
  for (const count of [50, 200]) {
    const bare = await scale('bare', count);
    const wizard = await scale('wizard', count);
    runs[`${count}x4`] = { bare, wizard };
    process.stdout.write(
      `${count}x4 ${JSON.stringify({ bare: bare.shares, wizard: wizard.shares })}\n`,
    );
  }
  const ratios: Record<string, Record<string, number | null>> = {};
  for (const [name, run] of Object.entries(runs)) {
    ratios[name] = Object.fromEntries(
      checkpoints.map((checkpoint) => {
        const key = `${checkpoint / 1000}s`;
        const ours = run.wizard.shares[key]?.grouped ?? 0;
        const base = run.bare.shares[key]?.grouped ?? 0;
        return [key, base > 0 ? Number((ours / base).toFixed(2)) : null];
      }),
    );
  }
  const result = {
    bench: 'discovery',
    timeToFirstPrinterMs: {
      wizardMedian: Number(firstMedian.wizard.toFixed(1)),
      bareMedian: Number(firstMedian.bare.toFixed(1)),
      ratio: Number((firstMedian.wizard / firstMedian.bare).toFixed(2)),
      wizardRuns: first.wizard.map((value) => Number(value.toFixed(1))),
      bareRuns: first.bare.map((value) => Number(value.toFixed(1))),
    },
    scale: runs,
    groupedShareRatioToBare: ratios,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
