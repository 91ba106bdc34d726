/**
 * Which Microsoft cloud (or practice world) the Exchange steps talk to: the same resolved
 * cloud the sign-in uses (practice, WIZARD_CLOUD_FILE or the chosen cloud), so the SMTP host,
 * Graph and admin pages always match the account that signed in.
 */
import type { CloudProfile } from '../../shared/cloud-profiles';
import type { ExchangeSetup } from '../../shared/contract/exchange';
import type { Progress } from '../../shared/model';
import type { ResolvedCloud } from './signin/cloud';

export interface ExchangeSetupService {
  describe(): Promise<ExchangeSetup>;
  profile(): Promise<CloudProfile>;
  personal(): Promise<boolean>;
}

export function createExchangeSetup(options: {
  /** Progress as main holds it now. */
  progress: { current(): Progress };
  cloud: () => Promise<ResolvedCloud>;
}): ExchangeSetupService {
  const profile = async (): Promise<CloudProfile> => (await options.cloud()).profile;
  const personal = async (): Promise<boolean> =>
    options.progress.current().accountKind === 'personal';
  return {
    profile,
    personal,
    async describe() {
      const resolved = await options.cloud();
      return {
        profileId: resolved.profile.id,
        smtpHost: resolved.profile.smtpHost,
        smtpPort: resolved.profile.smtpPort,
        adminPages: resolved.profile.adminPages,
        practice: resolved.label === 'practice',
        personal: await personal(),
      };
    },
  };
}
