/**
 * Which Microsoft cloud (or practice world) the Exchange steps talk to, and the token source
 * that stands in until the user has signed in.
 */
import { cloudProfileFor, cloudProfiles, type CloudProfile } from '../../shared/cloud-profiles';
import type { ExchangeSetup } from '../../shared/contract/exchange';
import { ProblemError } from '../problem-error';
import type { ProgressStore } from './progress-store';
import type { TokenSource } from './token-source';

export interface ExchangeSetupService {
  describe(): Promise<ExchangeSetup>;
  profile(): Promise<CloudProfile>;
  personal(): Promise<boolean>;
}

export function createExchangeSetup(options: {
  progress: ProgressStore;
  /** Practice endpoints, merged over the global cloud; null outside practice mode. */
  practiceProfile: (() => Partial<CloudProfile>) | null;
}): ExchangeSetupService {
  const profile = async (): Promise<CloudProfile> => {
    const progress = await options.progress.load();
    if (options.practiceProfile) {
      const practice = options.practiceProfile();
      return {
        ...cloudProfiles.global,
        ...practice,
        adminPages: { ...(practice.adminPages ?? {}) },
      };
    }
    return cloudProfileFor(progress.accountKind, progress.cloud);
  };
  const personal = async (): Promise<boolean> =>
    (await options.progress.load()).accountKind === 'personal';
  return {
    profile,
    personal,
    async describe() {
      const chosen = await profile();
      return {
        profileId: chosen.id,
        smtpHost: chosen.smtpHost,
        smtpPort: chosen.smtpPort,
        adminPages: chosen.adminPages,
        practice: options.practiceProfile !== null,
        personal: await personal(),
      };
    },
  };
}

/**
 * The token source before anyone has signed in: it says so. (The sign-in capability
 * replaces it with the real one.)
 */
export const notSignedInTokenSource: TokenSource = {
  getAccessToken() {
    return Promise.reject(new ProblemError('exchange-not-signed-in'));
  },
};
