/**
 * One bonjour-service instance on one IPv4 interface, made safe to run in the main process:
 * - its own UDP socket with a large receive buffer (multicast-dns accepts a ready-made socket),
 *   so a burst of hundreds of announcements isn't dropped by the kernel;
 * - every socket event runs inside a guard, and every packet is encoded once before it is
 *   handed to multicast-dns, so a packet or a record that makes bonjour-service or dns-packet
 *   throw (even asynchronously, e.g. an oversized record) is reported as a fault instead of
 *   taking the process down;
 * - an errorCallback and error/warning listeners, because bonjour-service's defaults throw.
 * Sends go to 224.0.0.251 through the given interface only (`interface`), while the socket
 * listens on 0.0.0.0, the only way multicast reaches it (toolchain notes, section 1).
 */
import dgram from 'node:dgram';
import type { EventEmitter } from 'node:events';
import Bonjour from 'bonjour-service';
import { encode } from 'dns-packet';

export type MdnsFaultKind = 'socket' | 'packet' | 'send' | 'service';

export interface ContainedBonjourOptions {
  interfaceAddress: string;
  /** SO_RCVBUF asked for; the kernel may cap it (net.core.rmem_max). */
  receiveBufferBytes?: number;
  onFault(kind: MdnsFaultKind, error: unknown): void;
}

export interface ContainedBonjour {
  readonly bonjour: Bonjour.Bonjour;
  readonly interfaceAddress: string;
  /** The receive buffer the kernel granted, once listening (0 before). */
  receiveBufferBytes(): number;
  destroy(): Promise<void>;
}

interface MulticastDns extends EventEmitter {
  send(value: unknown, rinfo?: unknown, callback?: (error?: Error | null) => void): void;
}

export const defaultReceiveBufferBytes = 4 * 1024 * 1024;

export function createContainedBonjour(options: ContainedBonjourOptions): ContainedBonjour {
  const socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  let granted = 0;
  const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
  socket.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    try {
      return emit(event, ...args);
    } catch (error) {
      options.onFault(event === 'message' ? 'packet' : 'socket', error);
      return true;
    }
  }) as typeof socket.emit;
  socket.on('listening', () => {
    try {
      socket.setRecvBufferSize(options.receiveBufferBytes ?? defaultReceiveBufferBytes);
      granted = socket.getRecvBufferSize();
    } catch (error) {
      options.onFault('socket', error);
    }
  });

  const bonjour = new Bonjour.Bonjour(
    {
      interface: options.interfaceAddress,
      bind: '0.0.0.0',
      socket,
    } as unknown as Partial<Bonjour.ServiceConfig>,
    (error: unknown) => options.onFault('service', error),
  );
  const mdns = (bonjour as unknown as { server: { mdns: MulticastDns } }).server.mdns;
  mdns.on('error', (error: unknown) => options.onFault('socket', error));
  mdns.on('warning', (error: unknown) => options.onFault('packet', error));
  const send = mdns.send.bind(mdns);
  mdns.send = (value, rinfo, callback) => {
    const done = typeof rinfo === 'function' ? (rinfo as typeof callback) : callback;
    const target = typeof rinfo === 'function' ? null : rinfo;
    try {
      // multicast-dns encodes on a later tick (after binding), where a throw can't be caught:
      // encode once here first, so a record dns-packet can't encode is refused now.
      encode(value);
      send(value, target, (error?: Error | null) => {
        if (error) options.onFault('send', error);
        done?.(error);
      });
    } catch (error) {
      options.onFault('send', error);
      done?.(error as Error);
    }
  };

  let destroyed: Promise<void> | null = null;
  return {
    bonjour,
    interfaceAddress: options.interfaceAddress,
    receiveBufferBytes: () => granted,
    destroy() {
      destroyed ??= new Promise<void>((resolve) => {
        try {
          bonjour.destroy(() => resolve());
        } catch (error) {
          options.onFault('socket', error);
          resolve();
        }
      });
      return destroyed;
    },
  };
}
