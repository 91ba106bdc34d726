/**
 * The proof of consent for the organization, read over Graph v1.0: Exchange Online's service
 * principal by its well-known app id, then the grants made for all principals on it, then each
 * granted app's name; the grants that include SMTP.Send are the ones the printer relies on.
 */
import type { OrganizationConsent, SmtpConsentProof } from '../../../shared/contract/exchange';
import { plainText as text } from '../../common/plain-text';
import { ProblemError } from '../../common/problem-error';
import { exchangeOnlineAppId } from '../tenant-checks';
import type { EntraGraph } from './entra-graph';

/** A Graph list's `value`; any other shape is `entra-admin-unexpected`. */
async function readList(graph: EntraGraph, path: string): Promise<unknown[]> {
  const value = (
    (await graph.call('GET', path, 'Directory.Read.All')).json as { value?: unknown } | null
  )?.value;
  if (!Array.isArray(value)) throw new ProblemError('entra-admin-unexpected', { status: 200 });
  return value;
}

export async function readSmtpConsent(graph: EntraGraph): Promise<SmtpConsentProof> {
  const exchange = (
    await readList(graph, `/servicePrincipals?$filter=appId eq '${exchangeOnlineAppId}'&$select=id`)
  )[0] as { id?: unknown } | undefined;
  const resourceId = text(exchange?.id, 64);
  if (!resourceId) return { grants: [], smtpSend: [] };
  const grants: OrganizationConsent[] = [];
  for (const item of await readList(
    graph,
    `/oauth2PermissionGrants?$filter=consentType eq 'AllPrincipals' and resourceId eq '${resourceId}'`,
  )) {
    const grant = item as { clientId?: unknown; scope?: unknown; consentType?: unknown };
    const clientId = text(grant.clientId, 64);
    if (!clientId || grant.consentType !== 'AllPrincipals') continue;
    const principal = (
      await graph.call(
        'GET',
        `/servicePrincipals/${encodeURIComponent(clientId)}?$select=appId,displayName`,
        'Directory.Read.All',
      )
    ).json as { appId?: unknown; displayName?: unknown } | null;
    grants.push({
      app: text(principal?.displayName, 120) || clientId,
      appId: text(principal?.appId, 64),
      permissions: text(grant.scope, 400).split(/\s+/).filter(Boolean),
    });
  }
  return { grants, smtpSend: grants.filter((grant) => grant.permissions.includes('SMTP.Send')) };
}
