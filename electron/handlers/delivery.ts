/**
 * Handlers for watching the printer's test message (shared/contract/delivery.ts).
 */
import { z } from 'zod';
import { graphScope } from '../../shared/cloud-profiles';
import type { DeliveryApi } from '../../shared/contract/delivery';
import { noParams } from './params';
import type { Handler } from './table';
import { ProblemError } from '../common/problem-error';
import { mailReadPermission, type TestMailWatcher } from '../services/delivery/test-mail-watcher';
import type { LinkPolicy } from '../services/link-policy';
import type { ProgressService } from '../services/progress-service';
import type { SignInService } from '../services/signin/signin-service';
import type { StatusSheetReader } from '../services/status-sheet';

export interface DeliveryServices {
  watcher: TestMailWatcher;
  /** Progress as main holds it now (never re-read from disk). */
  progress: Pick<ProgressService, 'current'>;
  signIn: SignInService;
  links: LinkPolicy;
  statusSheets: StatusSheetReader;
  openExternal(url: string): Promise<'system' | 'page'>;
}

type DeliveryHandlers = { [M in keyof DeliveryApi]: Handler<M> };

const printerParams = z.object({ printerId: z.string().min(1).max(300) }).strict();

export function createDeliveryHandlers(services: DeliveryServices): DeliveryHandlers {
  /** The chosen printer (from progress, the main process's own record) and its sender. */
  async function chosen(printerId: string): Promise<{ expectedSender: string | null }> {
    const printer = services.progress
      .current()
      .printers.find((candidate) => candidate.id === printerId);
    if (!printer) throw new ProblemError('test-watch-unknown');
    // Where the wizard can read the printer's sheet, it says the sending address; otherwise the
    // person confirmed on the status sheet that it is the signed-in mailbox.
    const sheet = await services.statusSheets.read(printer).catch(() => null);
    return { expectedSender: sheet?.senderAddress || null };
  }
  return {
    startTestWatch: {
      params: printerParams,
      async run({ printerId }) {
        return services.watcher.start({ printerId, ...(await chosen(printerId)) });
      },
    },
    stopTestWatch: {
      params: printerParams,
      run: async ({ printerId }) => services.watcher.stop(printerId),
    },
    getTestWatches: { params: noParams, run: async () => services.watcher.list() },
    allowMailReading: {
      params: noParams,
      run: () =>
        services.signIn.startBrowserSignIn(
          async (url) => {
            if (!services.links.isAllowed(url)) throw new ProblemError('link-not-allowed', { url });
            return services.openExternal(url);
          },
          (profile) => [graphScope(profile, mailReadPermission)],
        ),
    },
    confirmTestMessage: {
      params: printerParams.extend({ arrived: z.boolean() }).strict(),
      run: async ({ printerId, arrived }) => services.watcher.confirm(printerId, arrived),
    },
  };
}
