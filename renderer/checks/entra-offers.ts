/**
 * Which Entra "Do it for me" offers a list of tenant findings calls for (by the findings'
 * remedies). An offer, once made, stays: the change it makes turns its finding into a pass, and
 * its panel (with the result and Undo) must not vanish with the finding.
 */
import { useState } from 'react';
import type { TenantCheckResult } from '../../shared/contract/exchange';
import type { RemedyAction } from '../../shared/problems/types';
import { remediesFor } from '../../shared/troubleshoot/remedies';

export interface EntraOffers {
  securityDefaults: boolean;
  deviceCode: boolean;
}

const calls = (results: readonly TenantCheckResult[] | null, remedy: RemedyAction): boolean =>
  (results ?? []).some((item) => item.problem && remediesFor(item.problem.id).includes(remedy));

export function useEntraOffers(results: readonly TenantCheckResult[] | null): EntraOffers {
  const [made, setMade] = useState<EntraOffers>({ securityDefaults: false, deviceCode: false });
  const now = {
    securityDefaults: made.securityDefaults || calls(results, 'turn-off-security-defaults'),
    deviceCode: made.deviceCode || calls(results, 'allow-printer-device-code'),
  };
  if (now.securityDefaults !== made.securityDefaults || now.deviceCode !== made.deviceCode) {
    setMade(now);
  }
  return now;
}
