/**
 * Builds everything behind the contract for one run: services, the practice world when asked
 * for, the handler table, the dispatcher and the event stream. Both shells call this.
 */
import { EventEmitter } from 'node:events';
import type { WizardEvent } from '../shared/contract';
import type { ShellKind } from '../shared/model';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlerTable } from './handlers';
import { createAppInfoService } from './services/app-info';
import { createKeytarStore, type SecretStore } from './services/keychain';
import { createLinkPolicy, type LinkPolicy } from './services/link-policy';
import { createProgressStore } from './services/progress-store';
import { admitPrinterOrigin } from './handlers/discovery';
import {
  activeIpv4Interfaces,
  createDiscoveryService,
  type DiscoveryService,
} from './services/discovery/discovery-service';
import { practicePrintersPartName, type PracticePrintersPart } from './simulator/practice-printers';
import { startPracticeWorld, type PracticeWorld } from './simulator/practice-world';

export interface HostOptions {
  shell: ShellKind;
  practice: boolean;
  version: string;
  configDir: string;
  openExternal(url: string): Promise<'system' | 'page'>;
  versions?: NodeJS.ProcessVersions;
  /** Replaces the OS keychain (tests of the no-keychain path). */
  secretStore?: SecretStore;
  log?: (line: string) => void;
}

export interface WizardHost {
  dispatch: Dispatch;
  onEvent(listener: (event: WizardEvent) => void): () => void;
  links: LinkPolicy;
  practice: PracticeWorld | null;
  discovery: DiscoveryService;
  close(): Promise<void>;
}

/**
 * Interfaces to browse: every active IPv4 one; in practice mode loopback only (the practice
 * printers live there, and a rehearsal never queries the user's network).
 * WIZARD_DISCOVERY_INTERFACES (comma-separated IPv4 addresses) overrides both.
 */
function discoveryInterfaces(practice: boolean): () => string[] {
  const override = process.env['WIZARD_DISCOVERY_INTERFACES'];
  if (override) {
    const list = override
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    return () => list;
  }
  return practice ? () => ['127.0.0.1'] : activeIpv4Interfaces;
}

export const productName = 'Printer Mail Setup Wizard';

export async function createWizardHost(options: HostOptions): Promise<WizardHost> {
  const events = new EventEmitter();
  const emit = (event: WizardEvent): void => {
    events.emit('event', event);
  };
  const practice = options.practice ? await startPracticeWorld() : null;
  practice?.onChange((settings) => emit({ name: 'practice-changed', data: settings }));

  let osKeychain: SecretStore | null = options.secretStore ?? null;
  const realKeychain = (): SecretStore => (osKeychain ??= createKeytarStore());
  const keychain = practice ? practice.secretStore(realKeychain) : null;
  const secretStore = (): SecretStore => keychain ?? realKeychain();

  const links = createLinkPolicy();
  const practicePrinters = practice?.part<PracticePrintersPart>(practicePrintersPartName);
  const discovery = createDiscoveryService({
    interfaces: discoveryInterfaces(options.practice),
    ...(practicePrinters ? { accept: (item) => practicePrinters.accepts(item) } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  discovery.onChange((snapshot) => emit({ name: 'printers-changed', data: snapshot }));
  const progress = createProgressStore(options.configDir, options.practice);
  // Printers chosen in an earlier run keep their "Open Web Config" link.
  for (const printer of (await progress.load()).printers) {
    admitPrinterOrigin(links, printer.webConfigUrl);
  }
  const table = createHandlerTable({
    appInfo: createAppInfoService({
      name: productName,
      version: options.version,
      shell: options.shell,
      practice: options.practice,
      secretStore,
      ...(options.versions ? { versions: options.versions } : {}),
    }),
    progress,
    links,
    openExternal: options.openExternal,
    practice,
    discovery,
  });
  return {
    dispatch: createDispatcher(table, options.log ? { log: options.log } : {}),
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    links,
    practice,
    discovery,
    async close() {
      events.removeAllListeners();
      await discovery.stop();
      await practice?.stop();
    },
  };
}
