/**
 * The Exchange Online PowerShell lines the Prepare step offers to copy (reference A.5).
 * Commands are code, not words: they are the same in every language.
 */
import type { CloudProfile } from '../cloud-profiles';
import { checkTestAddress } from './test-address';

export const examplePrinterMailbox = 'scanner@contoso.com';

export interface PowerShellLines {
  connect: string;
  organization: string[];
  mailbox: string[];
}

const environments: Partial<Record<CloudProfile['id'], string>> = {
  'us-government': 'O365USGovGCCHigh',
  china: 'O365China',
};

export function powerShellLines(profileId: CloudProfile['id'], mailbox: string): PowerShellLines {
  const checked = checkTestAddress(mailbox);
  // Single quotes: PowerShell expands nothing inside them, and a valid address has none.
  const identity = `'${checked.ok && !checked.address.includes("'") ? checked.address : examplePrinterMailbox}'`;
  const environment = environments[profileId];
  return {
    connect: environment
      ? `Connect-ExchangeOnline -ExchangeEnvironmentName ${environment}`
      : 'Connect-ExchangeOnline',
    organization: [
      'Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled',
      'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
    ],
    mailbox: [
      `Get-CASMailbox -Identity ${identity} | Format-List SmtpClientAuthenticationDisabled`,
      `Set-CASMailbox -Identity ${identity} -SmtpClientAuthenticationDisabled $false`,
    ],
  };
}
