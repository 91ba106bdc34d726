/**
 * Handlers for watching the printer's test message (shared/contract/delivery.ts).
 */
import { z } from 'zod';
import { sendingMailbox } from '../../shared/account-story';
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
  /**
   * The sender the watch expects: the account story's mailbox (the printer's own; in the guide's
   * way null, which the watcher reads as the signed-in administrator's). A printer on another
   * way sends with the settings entered for it, so its sheet's sending address is expected.
   */
  async function chosen(printerId: string): Promise<{ expectedSender: string | null }> {
    const progress = services.progress.current();
    const printer = progress.printers.find((candidate) => candidate.id === printerId);
    if (!printer) throw new ProblemError('test-watch-unknown');
    if (!progress.printerSetup[printerId]?.sendingWay) {
      return { expectedSender: sendingMailbox(progress.printerAccount, null) };
    }
    const sheet = await services.statusSheets.read(printer).catch(() => null);
    // A sheet the wizard cannot read (most makes): the sender the way was proven with.
    return {
      expectedSender:
        sheet?.senderAddress || progress.printerSetup[printerId]?.sendingWay?.sender || null,
    };
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
