/**
 * Where a practice printer's mail goes: the person types on the printer the names the wizard
 * gives (the organization's MX host, smtp.hve.mx.microsoft, smtp.office365.com, each with its
 * real port), and the practice printer "resolves" them to the practice world's servers on
 * loopback, as a real printer's DNS would resolve them to Microsoft's. Any other name is not
 * found; a known name on another port is refused. Pure: the published practice endpoints come in.
 */
import { cloudProfiles, type CloudProfile } from '../../shared/cloud-profiles';

export type PracticeSmtpRoute =
  | { kind: 'mx' | 'hve' | 'exchange'; host: string; port: number }
  | { kind: 'not-found' }
  | { kind: 'refused' };

type Published = Pick<
  Partial<CloudProfile>,
  'mxHost' | 'mxPort' | 'hveHost' | 'hvePort' | 'smtpHost' | 'smtpPort'
>;

/** The printer's typed server and port, to the practice server that stands in for it. */
export function practiceSmtpRoute(
  typed: { server: string; port: number },
  practiceMxName: string,
  published: Published,
): PracticeSmtpRoute {
  const real = cloudProfiles.global;
  const name = typed.server.trim().toLowerCase().replace(/\.$/, '');
  const candidates = [
    {
      kind: 'mx' as const,
      name: practiceMxName.toLowerCase(),
      port: real.mxPort,
      host: published.mxHost,
      to: published.mxPort,
    },
    {
      kind: 'hve' as const,
      name: real.hveHost ?? '',
      port: real.hvePort ?? 587,
      host: published.hveHost,
      to: published.hvePort,
    },
    {
      kind: 'exchange' as const,
      name: real.smtpHost,
      port: real.smtpPort,
      host: published.smtpHost,
      to: published.smtpPort,
    },
  ];
  const known = candidates.find((candidate) => candidate.name !== '' && candidate.name === name);
  if (!known || !known.host || !known.to) return { kind: 'not-found' };
  if (known.port !== typed.port) return { kind: 'refused' };
  return { kind: known.kind, host: known.host, port: known.to };
}
