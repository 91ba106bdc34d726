/**
 * Microsoft endpoints per cloud. Every Microsoft host name the wizard uses comes from here (or
 * from a custom profile file, electron/services/cloud-profile-file.ts, which may override each
 * endpoint for private deployments and for the practice world).
 */
import type { AccountKind, MicrosoftCloud } from './model';

export interface CloudProfile {
  id: MicrosoftCloud | 'personal' | 'custom';
  /** https://host of the identity platform (MSAL authority host). */
  authorityHost: string;
  /** Tenant segment for sign-in: organizations (work/school) or consumers (Outlook.com). */
  tenant: string;
  /** Microsoft Graph base URL including version, e.g. https://graph.microsoft.com/v1.0 */
  graphBaseUrl: string;
  /** The Graph resource whose scopes tokens carry, e.g. https://graph.microsoft.com/User.Read */
  graphResource: string;
  smtpHost: string;
  smtpPort: number;
  /**
   * The other ways of sending (shared/sending-ways.ts). What an Exchange Online MX host ends
   * with in this cloud (empty where there is no organization), the port direct send and a
   * connector relay use, and High Volume Email's endpoint (absent where no source names one).
   */
  mxSuffixes: readonly string[];
  mxPort: number;
  hveHost?: string;
  hvePort: number;
  /**
   * A custom or practice profile only: the host the MX proofs connect to instead of the MX
   * record's own (a private Exchange, or the practice MX on loopback), and the DNS servers the
   * proofs ask ("127.0.0.1:5353"); absent = the MX record's host and the system's DNS servers.
   */
  mxHost?: string;
  dnsServers?: readonly string[];
  /** The Outlook resource whose SMTP.Send scope the token must carry. */
  smtpScope: string;
  /** Where a person signs in with a device code. */
  deviceLoginUrl: string;
  /**
   * Exchange Online's admin endpoint, the one the ExchangeOnlineManagement PowerShell module
   * itself calls (…/adminapi/beta/{tenant}/InvokeCommand), and the resource its delegated
   * Exchange.Manage scope is on. Microsoft documents it for that module only, so the wizard
   * uses it only when the person asks it to make a change (docs/do-it-for-me.md).
   * Absent where there is no organization (Outlook.com).
   */
  exchangeAdminUrl?: string;
  exchangeAdminResource?: string;
  /** Admin pages, opened through the allow-list. Absent where a cloud has no such page. */
  adminPages: {
    exchangeSettings?: string;
    m365ActiveUsers?: string;
    entraProperties?: string;
    conditionalAccess?: string;
  };
}

export const cloudProfiles: Record<MicrosoftCloud | 'personal', CloudProfile> = {
  global: {
    id: 'global',
    authorityHost: 'https://login.microsoftonline.com',
    tenant: 'organizations',
    graphBaseUrl: 'https://graph.microsoft.com/v1.0',
    graphResource: 'https://graph.microsoft.com',
    smtpHost: 'smtp.office365.com',
    smtpPort: 587,
    // The second: Exchange Online's DNSSEC MX records (UNCONFIRMED here, docs/sending-ways.md).
    mxSuffixes: ['mail.protection.outlook.com', 'mx.microsoft'],
    mxPort: 25,
    hveHost: 'smtp.hve.mx.microsoft',
    hvePort: 587,
    smtpScope: 'https://outlook.office.com/SMTP.Send',
    deviceLoginUrl: 'https://microsoft.com/devicelogin',
    exchangeAdminUrl: 'https://outlook.office365.com/adminapi/beta',
    exchangeAdminResource: 'https://outlook.office365.com',
    adminPages: {
      exchangeSettings: 'https://admin.exchange.microsoft.com/#/settings',
      m365ActiveUsers: 'https://admin.microsoft.com/Adminportal/Home#/users',
      entraProperties:
        'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/TenantOverview.ReactView',
      conditionalAccess:
        'https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies',
    },
  },
  'us-government': {
    id: 'us-government',
    authorityHost: 'https://login.microsoftonline.us',
    tenant: 'organizations',
    graphBaseUrl: 'https://graph.microsoft.us/v1.0',
    graphResource: 'https://graph.microsoft.us',
    smtpHost: 'smtp.office365.us',
    smtpPort: 587,
    // UNCONFIRMED (docs/sending-ways.md): no source read here names GCC High's MX or HVE.
    mxSuffixes: ['mail.protection.office365.us'],
    mxPort: 25,
    hvePort: 587,
    smtpScope: 'https://outlook.office365.us/SMTP.Send',
    deviceLoginUrl: 'https://microsoft.com/deviceloginus',
    // GCC High; Connect-ExchangeOnline -ExchangeEnvironmentName O365USGovGCCHigh.
    exchangeAdminUrl: 'https://outlook.office365.us/adminapi/beta',
    exchangeAdminResource: 'https://outlook.office365.us',
    adminPages: {},
  },
  china: {
    id: 'china',
    authorityHost: 'https://login.partner.microsoftonline.cn',
    tenant: 'organizations',
    graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn/v1.0',
    graphResource: 'https://microsoftgraph.chinacloudapi.cn',
    smtpHost: 'smtp.partner.outlook.cn',
    smtpPort: 587,
    // UNCONFIRMED (docs/sending-ways.md): no source read here names 21Vianet's MX or HVE.
    mxSuffixes: ['mail.protection.partner.outlook.cn'],
    mxPort: 25,
    hvePort: 587,
    smtpScope: 'https://partner.outlook.cn/SMTP.Send',
    deviceLoginUrl: 'https://microsoft.com/deviceloginchina',
    // 21Vianet; Connect-ExchangeOnline -ExchangeEnvironmentName O365China.
    exchangeAdminUrl: 'https://partner.outlook.cn/adminapi/beta',
    exchangeAdminResource: 'https://partner.outlook.cn',
    adminPages: {},
  },
  personal: {
    id: 'personal',
    authorityHost: 'https://login.microsoftonline.com',
    tenant: 'consumers',
    graphBaseUrl: 'https://graph.microsoft.com/v1.0',
    graphResource: 'https://graph.microsoft.com',
    smtpHost: 'smtp-mail.outlook.com',
    smtpPort: 587,
    // Outlook.com has no organization: no MX of its own, no High Volume Email.
    mxSuffixes: [],
    mxPort: 25,
    hvePort: 587,
    smtpScope: 'https://outlook.office.com/SMTP.Send',
    deviceLoginUrl: 'https://microsoft.com/devicelogin',
    adminPages: {},
  },
};

/** Microsoft's help and account pages the wizard's words point to, the same in every cloud. */
export const microsoftHelpOrigins: readonly string[] = [
  'https://aka.ms',
  'https://learn.microsoft.com',
  'https://support.microsoft.com',
  'https://myprofile.microsoft.com',
  'https://www.microsoft.com',
  'https://portal.azure.com',
  'https://security.microsoft.com',
];

/**
 * The pages a person opens for a profile: its sign-in (authority), the page where a code is
 * entered, and its admin pages. A custom profile's own hosts count exactly as Microsoft's do.
 */
export function pagesOf(profile: Partial<CloudProfile>): string[] {
  const pages = [
    profile.authorityHost,
    profile.deviceLoginUrl,
    ...Object.values(profile.adminPages ?? {}),
  ];
  return pages.filter((page): page is string => typeof page === 'string' && page !== '');
}

/** The profile for the user's choices on the Welcome step. */
export function cloudProfileFor(accountKind: AccountKind, cloud: MicrosoftCloud): CloudProfile {
  return accountKind === 'personal' ? cloudProfiles.personal : cloudProfiles[cloud];
}

/** Scopes on the profile's Graph resource, e.g. graphScope(profile, 'User.Read'). */
export function graphScope(
  profile: Pick<CloudProfile, 'graphResource'>,
  permission: string,
): string {
  return `${profile.graphResource}/${permission}`;
}
