/**
 * A fresh wizard process for the keychain test: builds the real host (custom cloud file, real
 * keychain), asks for the sign-in status (the silent refresh happens here) and gets an SMTP
 * token. Prints one JSON line with what it saw: claims only, never the token itself.
 */
import { createWizardHost } from '../../electron/host';

async function main(): Promise<void> {
  const configDir = process.env['CHILD_CONFIG_DIR'] ?? '';
  const host = await createWizardHost({
    shell: 'browser',
    practice: false,
    version: 'test',
    configDir,
    openExternal: async () => 'page',
    log: () => {},
  });
  const reply = await host.dispatch('getSignInStatus', {});
  const result: Record<string, unknown> = { reply };
  if (reply.ok) {
    try {
      const token = await host.tokenSource.getAccessToken(['https://outlook.office.com/SMTP.Send']);
      const payload = JSON.parse(
        Buffer.from(token.token.split('.')[1] ?? '', 'base64url').toString(),
      );
      result['claims'] = {
        aud: payload.aud,
        scp: payload.scp,
        upn: payload.upn,
        appid: payload.appid,
      };
    } catch (error) {
      result['tokenError'] = error instanceof Error ? error.message : String(error);
    }
  }
  await host.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main();
