/**
 * One contained bonjour-service instance per active IPv4 interface, each browsing every printer
 * service type, feeding what it hears into the service table. It only browses: nothing is ever
 * published.
 */
import type { EventEmitter } from 'node:events';
import type Bonjour from 'bonjour-service';
import { printerServiceTypes, type PrinterServiceType } from '../../../shared/printers';
import { createContainedBonjour, type ContainedBonjour, type MdnsFaultKind } from './mdns';
import type { RawRecord, ServiceTable } from './service-table';

interface Endpoint {
  mdns: ContainedBonjour;
  browsers: Map<PrinterServiceType, Bonjour.Browser>;
}

export interface EndpointsOptions {
  /** IPv4 addresses of the interfaces to browse now. */
  interfaces: () => string[];
  table: ServiceTable;
  fault(kind: MdnsFaultKind, error: unknown): void;
  receiveBufferBytes?: number;
}

export interface Endpoints {
  /** Opens a browser on each new interface and closes those of interfaces that went away. */
  sync(): void;
  /** Asks every interface again, for every service type. */
  queryAll(): void;
  count(): number;
  closeAll(): Promise<void>;
}

export function createEndpoints(options: EndpointsOptions): Endpoints {
  const { table, fault } = options;
  const endpoints = new Map<string, Endpoint>();

  const open = (address: string): void => {
    if (endpoints.has(address)) return;
    let mdns: ContainedBonjour;
    try {
      mdns = createContainedBonjour({
        interfaceAddress: address,
        onFault: fault,
        ...(options.receiveBufferBytes ? { receiveBufferBytes: options.receiveBufferBytes } : {}),
      });
    } catch (error) {
      fault('socket', error);
      return;
    }
    const raw = (mdns.bonjour as unknown as { server: { mdns: EventEmitter } }).server.mdns;
    raw.on('response', (packet: { answers?: RawRecord[]; additionals?: RawRecord[] }) =>
      table.refresh(packet),
    );
    const browsers = new Map<PrinterServiceType, Bonjour.Browser>();
    for (const type of printerServiceTypes) {
      const browser = mdns.bonjour.find({ type });
      browser.on('up', (service) => table.track(browser, type, service));
      browser.on('txt-update', (service) => table.track(browser, type, service));
      browser.on('srv-update', (service) => table.track(browser, type, service));
      browser.on('down', (service) => table.untrack(service));
      browsers.set(type, browser);
    }
    endpoints.set(address, { mdns, browsers });
  };

  const close = async (address: string): Promise<void> => {
    const endpoint = endpoints.get(address);
    if (!endpoint) return;
    endpoints.delete(address);
    for (const browser of endpoint.browsers.values()) browser.stop();
    table.forgetBrowsers([...endpoint.browsers.values()]);
    await endpoint.mdns.destroy();
  };

  return {
    sync() {
      const wanted = new Set(options.interfaces());
      for (const address of wanted) open(address);
      for (const address of endpoints.keys()) {
        if (!wanted.has(address)) void close(address);
      }
    },
    queryAll() {
      for (const endpoint of endpoints.values()) {
        for (const browser of endpoint.browsers.values()) {
          try {
            browser.expire();
            browser.update();
          } catch (error) {
            fault('send', error);
          }
        }
      }
    },
    count: () => endpoints.size,
    closeAll: async () => {
      await Promise.all([...endpoints.keys()].map((address) => close(address)));
    },
  };
}
