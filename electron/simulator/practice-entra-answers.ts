/**
 * More of Entra's refusals for the practice tenant, in Microsoft's own words (the AADSTS error
 * code reference, docs/troubleshoot.md). Each is shown after the person has entered the
 * password on the practice sign-in page, as Microsoft does, so the troubleshooter's entries for
 * them can be produced through the simulator.
 */
import type { PracticeSwitchValue } from '../../shared/practice';

export interface PracticeEntraFailure {
  status: number;
  error: string;
  code: number;
  description: string;
}

export const moreEntraFailures = {
  'resource-not-found': {
    status: 400,
    error: 'invalid_resource',
    code: 500011,
    description:
      'The resource principal named https://outlook.office.com was not found in the tenant named Practice. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.',
  },
  'device-auth-required': {
    status: 400,
    error: 'invalid_grant',
    code: 50097,
    description: 'Device authentication is required.',
  },
  'user-not-assigned': {
    status: 400,
    error: 'invalid_grant',
    code: 50105,
    description:
      "Your administrator has configured the application to block users unless they are specifically granted ('assigned') access to the application.",
  },
  'account-disabled': {
    status: 400,
    error: 'invalid_grant',
    code: 50057,
    description: 'The user account is disabled.',
  },
  'account-locked': {
    status: 400,
    error: 'invalid_grant',
    code: 50053,
    description: "You've tried to sign in too many times with an incorrect user ID or password.",
  },
  'password-expired': {
    status: 400,
    error: 'invalid_grant',
    code: 50055,
    description: 'The password is expired.',
  },
} as const satisfies Partial<Record<PracticeSwitchValue<'tenant'>, PracticeEntraFailure>>;

export type MoreEntraScenario = keyof typeof moreEntraFailures;
export const moreEntraScenarios = Object.keys(moreEntraFailures) as MoreEntraScenario[];
