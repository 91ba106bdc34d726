/**
 * The cloud the sign-in talks to, resolved for one run: the practice tenant (--demo), else a
 * custom profile file (WIZARD_CLOUD_FILE) over the chosen cloud, else the chosen cloud.
 */
import { cloudProfileFor, type CloudProfile } from '../../../shared/cloud-profiles';
import type { AccountKind, MicrosoftCloud } from '../../../shared/model';
import type { Problem } from '../../../shared/problem';
import { ProblemError } from '../../common/problem-error';
import type { CustomCloud } from '../cloud-profile-file';

export interface ResolvedCloud {
  /** 'practice', 'custom' or a built-in profile id: shown to the user, part of cache keys. */
  label: string;
  profile: CloudProfile;
  /** Extra CA trusted only for `trustedOrigins` (and the profile's SMTP host). */
  ca: string | null;
  trustedOrigins: string[];
  /** Set when WIZARD_CLOUD_FILE could not be used: sign-in is refused until it is fixed. */
  problem: Problem | null;
}

export interface CloudSources {
  practice: { overrides: Partial<CloudProfile>; ca: string } | null;
  custom: CustomCloud | ProblemError | null;
}

export function resolveCloud(
  sources: CloudSources,
  choice: { accountKind: AccountKind; cloud: MicrosoftCloud },
): ResolvedCloud {
  const base = cloudProfileFor(choice.accountKind, choice.cloud);
  // The extra CA covers the hosts the file or the practice world names, never one of
  // Microsoft's own that it left as it was (the Exchange admin endpoint is named separately).
  const origins = (profile: CloudProfile, overrides: Partial<CloudProfile>): string[] => [
    new URL(profile.authorityHost).origin,
    new URL(profile.graphBaseUrl).origin,
    ...(overrides.exchangeAdminUrl ? [new URL(overrides.exchangeAdminUrl).origin] : []),
  ];
  if (sources.practice) {
    const profile = { ...base, ...sources.practice.overrides };
    return {
      label: 'practice',
      profile,
      ca: sources.practice.ca,
      trustedOrigins: origins(profile, sources.practice.overrides),
      problem: null,
    };
  }
  if (sources.custom instanceof ProblemError) {
    return {
      label: 'custom',
      profile: base,
      ca: null,
      trustedOrigins: [],
      problem: sources.custom.problem,
    };
  }
  if (sources.custom) {
    const profile: CloudProfile = { ...base, ...sources.custom.overrides, id: 'custom' };
    return {
      label: 'custom',
      profile,
      ca: sources.custom.ca,
      trustedOrigins: origins(profile, sources.custom.overrides),
      problem: null,
    };
  }
  return { label: base.id, profile: base, ca: null, trustedOrigins: [], problem: null };
}
