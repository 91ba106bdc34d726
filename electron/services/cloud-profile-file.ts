/**
 * The custom cloud profile: a JSON file named by WIZARD_CLOUD_FILE that overrides the Microsoft
 * endpoints of the chosen cloud, for private deployments and tests (docs/signin.md):
 *
 *   { "authorityHost": "https://login.example.net", "graphBaseUrl": "https://graph.example.net/v1.0",
 *     "smtpHost": "smtp.example.net", "smtpPort": 587, "caFile": "/path/to/ca.pem" }
 *
 * Every field is optional except that at least one must be given. `caFile` (PEM) is trusted
 * only by the wizard's own clients and only for the profile's endpoints: never process-wide.
 * Also accepted: tenant, graphResource, smtpScope, deviceLoginUrl; and for the other ways of
 * sending, mxHost, mxPort, mxSuffixes, hveHost, hvePort, dnsServers (docs/sending-ways.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CloudProfile } from '../../shared/cloud-profiles';
import { ProblemError, systemErrorCode } from '../common/problem-error';

const hostName = z
  .string()
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/, 'must be a host name');

const httpsUrl = z
  .string()
  .max(512)
  .url()
  .refine((value) => new URL(value).protocol === 'https:', 'must be an https:// address');

export const cloudFileSchema = z
  .object({
    authorityHost: httpsUrl.optional(),
    graphBaseUrl: httpsUrl.optional(),
    graphResource: httpsUrl.optional(),
    smtpHost: z
      .string()
      .max(253)
      .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/, 'must be a host name')
      .optional(),
    smtpPort: z.number().int().min(1).max(65535).optional(),
    // The other ways of sending (docs/sending-ways.md): the MX host the proofs connect to, its
    // port, what an Exchange Online MX ends with, High Volume Email, and the DNS servers asked.
    mxHost: hostName.optional(),
    mxPort: z.number().int().min(1).max(65535).optional(),
    mxSuffixes: z.array(hostName).min(1).max(8).optional(),
    hveHost: hostName.optional(),
    hvePort: z.number().int().min(1).max(65535).optional(),
    dnsServers: z
      .array(
        z
          .string()
          .regex(
            /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/,
            'must be an IP address, optionally :port',
          ),
      )
      .min(1)
      .max(4)
      .optional(),
    smtpScope: httpsUrl.optional(),
    tenant: z
      .string()
      .regex(/^[\w.-]{1,64}$/)
      .optional(),
    deviceLoginUrl: z.string().max(512).url().optional(),
    exchangeAdminUrl: httpsUrl.optional(),
    exchangeAdminResource: httpsUrl.optional(),
    caFile: z.string().max(4096).optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, 'the file names no endpoint');

export interface CustomCloud {
  file: string;
  overrides: Partial<CloudProfile>;
  /** PEM of the extra CA, when the file names one. */
  ca: string | null;
}

/** Reads and checks the file; a bad file is a problem the sign-in step shows, not a crash. */
export function loadCloudFile(file: string): CustomCloud {
  let parsed: z.infer<typeof cloudFileSchema>;
  try {
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const result = cloudFileSchema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new ProblemError('signin-cloud-file-invalid', {
        file,
        detail: `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`,
      });
    }
    parsed = result.data;
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    // Our own words: a system message would carry text we do not control across the contract.
    throw new ProblemError('signin-cloud-file-invalid', {
      file,
      detail:
        error instanceof SyntaxError
          ? 'not valid JSON'
          : `cannot be read (${systemErrorCode(error)})`,
    });
  }
  let ca: string | null = null;
  if (parsed.caFile) {
    const caPath = path.resolve(path.dirname(file), parsed.caFile);
    try {
      ca = readFileSync(caPath, 'utf8');
    } catch {
      throw new ProblemError('signin-cloud-file-invalid', {
        file,
        detail: `caFile ${caPath} cannot be read`,
      });
    }
    if (!/-----BEGIN CERTIFICATE-----/.test(ca)) {
      throw new ProblemError('signin-cloud-file-invalid', {
        file,
        detail: `caFile ${caPath} is not a PEM certificate`,
      });
    }
  }
  const overrides: Partial<typeof parsed> = { ...parsed };
  delete overrides.caFile;
  const cleaned = Object.fromEntries(
    Object.entries(overrides).map(([key, value]) =>
      typeof value === 'string' && !['smtpHost', 'mxHost', 'hveHost', 'tenant'].includes(key)
        ? [key, value.replace(/\/+$/, '')]
        : [key, value],
    ),
  ) as Partial<CloudProfile>;
  return { file, overrides: cleaned, ca };
}
