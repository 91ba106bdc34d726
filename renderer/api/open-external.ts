import type { Reply } from '../../shared/contract';
import type { WizardClient } from './client';

/**
 * Opens an address outside the wizard, through the main process's allow-list. The Electron
 * shell opens the system browser itself; in the browser shell the page opens a new tab.
 */
export async function openExternal(
  client: WizardClient,
  url: string,
): Promise<Reply<{ via: 'system' | 'page' }>> {
  const reply = await client.invoke('openExternal', { url });
  if (reply.ok && reply.value.via === 'page') window.open(url, '_blank', 'noopener,noreferrer');
  return reply;
}
