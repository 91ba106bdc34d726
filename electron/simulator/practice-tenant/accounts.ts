/**
 * Who lives in the practice tenant: its identity, accounts with their directory roles, the app
 * registrations it knows, and which permissions only an administrator may grant.
 */
import { consentRoleTemplates } from '../../../shared/contract/signin';

export const practiceTenantPartName = 'practice-tenant';
export const practiceTenantId = '5f1c2a7e-3b4d-4c8e-9a10-2b7d6e4f8c31';
export const practiceTenantName = 'Contoso (practice)';
export const practiceDomain = 'contoso.example';
export const practicePassword = 'practice';
/** Resources named the way Microsoft names them, so scopes look like the real ones. */
export const practiceResources = {
  graph: 'https://graph.microsoft.com',
  outlook: 'https://outlook.office.com',
} as const;

/** Client IDs the practice tenant knows: the wizard's own app and the practice printer's. */
export const practiceClientIds = {
  wizard: 'a4d6c1e2-7b3f-4e59-8c21-6f0e9d3b5a71',
  printer: 'e2b7f9c4-1d6a-4f38-b5e0-9c3a7d2f6e18',
} as const;

export interface PracticeRole {
  displayName: string;
  roleTemplateId: string;
}

/** The practice tenant's groups and their object ids (Conditional Access names groups by id). */
export const practiceGroups = {
  'All staff': '9a0b0000-0000-4000-8000-000000000000',
  IT: '9a0b0001-0000-4000-8000-000000000000',
  // Microsoft's device-code guidance: block the flow for everyone but an approved exception
  // group (concept-authentication-flows; reference admin-changes-and-other-ways.md).
  'Device code flow exceptions': '9a0b0002-0000-4000-8000-000000000000',
} as const;
export type PracticeGroup = keyof typeof practiceGroups;

export interface PracticeAccount {
  upn: string;
  name: string;
  oid: string;
  roles: PracticeRole[];
  /** Every group the account is in, directly or through another group (transitive). */
  groups: PracticeGroup[];
}

export const globalAdministrator: PracticeRole = {
  displayName: 'Global Administrator',
  roleTemplateId: '62e90394-69f5-4237-9190-012177145e10',
};
const cloudApplicationAdministrator: PracticeRole = {
  displayName: 'Cloud Application Administrator',
  roleTemplateId: '158c047a-c907-4556-b7ef-446551a6b5f7',
};
const consentingRoleIds = new Set<string>(Object.values(consentRoleTemplates));

export const practiceAccounts: readonly PracticeAccount[] = [
  {
    upn: `admin@${practiceDomain}`,
    name: 'Alex Admin',
    oid: '0c6f1d2e-1111-4a5b-9c8d-000000000001',
    roles: [globalAdministrator],
    // In the exceptions group through IT, which is a member of it.
    groups: ['All staff', 'IT', 'Device code flow exceptions'],
  },
  {
    upn: `apps@${practiceDomain}`,
    name: 'Casey Cloud Apps',
    oid: '0c6f1d2e-2222-4a5b-9c8d-000000000002',
    roles: [cloudApplicationAdministrator],
    groups: ['All staff', 'IT'],
  },
  {
    upn: `megan@${practiceDomain}`,
    name: 'Megan User',
    oid: '0c6f1d2e-3333-4a5b-9c8d-000000000003',
    roles: [],
    groups: ['All staff'],
  },
  {
    upn: `scanner@${practiceDomain}`,
    name: 'Scanner (sending mailbox)',
    oid: '0c6f1d2e-4444-4a5b-9c8d-000000000004',
    roles: [],
    groups: [],
  },
];

export interface PracticeApp {
  clientId: string;
  name: string;
  /** Full scope URIs the app registration declares (what `.default` consents to). */
  permissions: string[];
  publicClient: boolean;
}

export const wizardApp: PracticeApp = {
  clientId: practiceClientIds.wizard,
  name: 'Printer Mail Setup Wizard (practice)',
  permissions: [
    `${practiceResources.outlook}/SMTP.Send`,
    `${practiceResources.graph}/User.Read`,
    `${practiceResources.graph}/Policy.Read.All`,
    `${practiceResources.graph}/Directory.Read.All`,
    `${practiceResources.graph}/Application.Read.All`,
  ],
  publicClient: true,
};
export const printerApp: PracticeApp = {
  clientId: practiceClientIds.printer,
  name: 'Practice Printer Email (practice)',
  permissions: [`${practiceResources.outlook}/SMTP.Send`],
  publicClient: true,
};

/** Delegated permissions only an administrator may grant (Microsoft's own classification). */
export const adminOnlyPermissions = new Set([
  'Policy.Read.All',
  'Directory.Read.All',
  'Application.Read.All',
  'Policy.Read.ConditionalAccess',
  'AuditLog.Read.All',
  // What "Do it for me" asks for in Entra (each needs an administrator's consent).
  'Policy.ReadWrite.SecurityDefaults',
  'Policy.ReadWrite.ConditionalAccess',
  'GroupMember.ReadWrite.All',
  'Group.ReadWrite.All',
]);
export const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);

/** A scope split into its resource and name; a bare name is a Graph scope. */
export function splitScope(scope: string): { resource: string; name: string } {
  const slash = scope.lastIndexOf('/');
  if (slash === -1) return { resource: practiceResources.graph, name: scope };
  return { resource: scope.slice(0, slash), name: scope.slice(slash + 1) };
}

/** `.default` stands for every permission the app registration declares (all resources). */
export const expandScopes = (app: PracticeApp, scopes: string[]): string[] => [
  ...new Set(
    scopes.flatMap((scope) => (splitScope(scope).name === '.default' ? app.permissions : [scope])),
  ),
];

export const canConsentForAdmins = (account: PracticeAccount): boolean =>
  account.roles.some((role) => consentingRoleIds.has(role.roleTemplateId));

export const isGlobalAdmin = (account: PracticeAccount): boolean =>
  account.roles.some((role) => role.roleTemplateId === globalAdministrator.roleTemplateId);

/** Scopes of a space-separated form field, without the empty ones. */
export const scopesOf = (value: string | null): string[] =>
  (value ?? '').split(/\s+/).filter(Boolean);
