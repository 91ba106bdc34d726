/**
 * Practice DNS: a UDP DNS server on 127.0.0.1 that answers the MX and TXT (SPF) questions of
 * "Prove this way" for the practice domain, the way a public resolver answers them for a real
 * Exchange Online tenant. The `mx` switch puts the domain's MX at Exchange Online, at another
 * provider, or nowhere. Every other name is NXDOMAIN (the practice world reaches nothing else).
 */
import dgram from 'node:dgram';
import { decode, encode, type Packet } from 'dns-packet';
import type { PracticeSettings } from '../../shared/practice';

export interface PracticeDnsOptions {
  domain: string;
  /** The address the practice MX sees the wizard as (its SPF record names it). */
  publicAddress: string;
  settings(): PracticeSettings;
}

export interface PracticeDns {
  /** "127.0.0.1:port", for Resolver.setServers. */
  readonly server: string;
  stop(): Promise<void>;
}

/** Exchange Online's MX host for a domain: dots become hyphens (contoso.com → contoso-com…). */
export function exchangeMxHost(domain: string): string {
  return `${domain.replace(/\./g, '-')}.mail.protection.outlook.com`;
}

/** What the practice domain's records are under the current switches. */
function answersFor(name: string, type: string, options: PracticeDnsOptions): unknown[] | null {
  const domain = options.domain.toLowerCase();
  const asked = name.toLowerCase().replace(/\.$/, '');
  if (asked !== domain) return null;
  if (type === 'MX') {
    switch (options.settings().mx) {
      case 'exchange-online':
        return [
          {
            name,
            type: 'MX',
            ttl: 3600,
            data: { preference: 0, exchange: exchangeMxHost(domain) },
          },
        ];
      case 'not-microsoft':
        return [
          {
            name,
            type: 'MX',
            ttl: 3600,
            data: { preference: 10, exchange: `mx1.mailfilter.example` },
          },
        ];
      case 'none':
        return [];
    }
  }
  if (type === 'TXT') {
    return [
      {
        name,
        type: 'TXT',
        ttl: 3600,
        data: [`v=spf1 ip4:${options.publicAddress} include:spf.protection.outlook.com -all`],
      },
    ];
  }
  return [];
}

export async function startPracticeDns(options: PracticeDnsOptions): Promise<PracticeDns> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, remote) => {
    let query: Packet;
    try {
      query = decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const answers = answersFor(question.name, question.type, options);
    const reply = encode({
      id: query.id,
      type: 'response',
      // NXDOMAIN (rcode 3) for every name but the practice domain.
      flags: 0x8000 | 0x0400 | 0x0100 | 0x0080 | (answers === null ? 3 : 0),
      questions: [question],
      answers: answers ?? [],
    });
    socket.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  const port = socket.address().port;
  return {
    server: `127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
