/**
 * The one lookup of the directory roles the signed-in account holds, and what they mean for
 * "Consent on behalf of your organization" (reference §D). The Sign in step (with User.Read)
 * and the tenant check "consent-role" (with Directory.Read.All) both read roles through it;
 * each brings its own token, the Graph call itself is this one.
 */
import {
  consentRoleTemplates,
  type ConsentRole,
  type RoleCheck,
} from '../../../shared/contract/signin';
import { plainText } from '../../common/plain-text';

/** Graph's directory roles of the signed-in account, transitive (through groups too). */
export const directoryRolesPath =
  '/me/transitiveMemberOf/microsoft.graph.directoryRole?$select=displayName,roleTemplateId';

/** Reads one Graph path (relative to the Graph base URL) and returns its JSON. */
export type GraphJsonReader = (path: string) => Promise<unknown>;

export interface HeldRoles {
  /** The consent-relevant roles held, most powerful first. */
  roles: ConsentRole[];
  /** Every directory role held, in Graph's order (names for the facts shown to the person). */
  held: { templateId: string; name: string }[];
  /** The judgement the Sign in step shows. */
  check: Exclude<RoleCheck, { state: 'unknown' } | { state: 'not-needed' }>;
}

export class MalformedRolesError extends Error {
  constructor() {
    super('Graph answered a list (roles, memberships) without a value list');
    this.name = 'MalformedRolesError';
  }
}

const roleOrder = Object.keys(consentRoleTemplates) as ConsentRole[];
const pageLimit = 10;

/**
 * Every entry of a Graph list, following its paging on the Graph base URL only (the token must go
 * nowhere else), at most ten pages.
 */
export async function readGraphList(
  read: GraphJsonReader,
  graphBaseUrl: string,
  firstPath: string,
): Promise<Record<string, unknown>[]> {
  const base = graphBaseUrl.replace(/\/$/, '');
  const entries: Record<string, unknown>[] = [];
  let path: string | null = firstPath;
  for (let page = 0; path && page < pageLimit; page += 1) {
    const body = (await read(path)) as { value?: unknown; '@odata.nextLink'?: unknown } | null;
    if (!Array.isArray(body?.value)) throw new MalformedRolesError();
    for (const entry of body.value as unknown[]) {
      if (typeof entry === 'object' && entry !== null)
        entries.push(entry as Record<string, unknown>);
    }
    const next = body['@odata.nextLink'];
    path = typeof next === 'string' && next.startsWith(`${base}/`) ? next.slice(base.length) : null;
  }
  return entries;
}

export async function lookUpDirectoryRoles(
  read: GraphJsonReader,
  graphBaseUrl: string,
): Promise<HeldRoles> {
  const held: HeldRoles['held'] = [];
  for (const entry of await readGraphList(read, graphBaseUrl, directoryRolesPath)) {
    const type = entry['@odata.type'];
    if (type !== undefined && type !== '#microsoft.graph.directoryRole') continue;
    held.push({
      templateId: plainText(entry['roleTemplateId'], 64).toLowerCase(),
      name: plainText(entry['displayName'], 80),
    });
  }
  const templateIds = new Set(held.map((role) => role.templateId));
  const roles = roleOrder.filter((role) => templateIds.has(consentRoleTemplates[role]));
  const check: HeldRoles['check'] = roles.includes('global-administrator')
    ? { state: 'can-consent', roles }
    : roles.length > 0
      ? { state: 'may-consent', roles }
      : { state: 'cannot-consent', roles: [] };
  return { roles, held, check };
}
