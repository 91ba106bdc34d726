/** Finding printers: mDNS discovery, manual addresses, probes and the choice of printers. */
import type { ChosenPrinter, DiscoverySnapshot, PrinterEntry } from '../printers';

type NoParams = Record<string, never>;

export interface DiscoveryApi {
  /** Starts browsing (if not already) and answers with the list as it is now. */
  startDiscovery: { params: NoParams; result: DiscoverySnapshot };
  /** Asks every printer again; the ones that don't answer disappear. */
  searchAgain: { params: NoParams; result: DiscoverySnapshot };
  /** Probes a typed IPv4/IPv6 address or host name and adds it to the list. */
  addPrinterByAddress: { params: { address: string }; result: PrinterEntry };
  /** Probes a listed printer: model, firmware version, UUID, state, Web Config. */
  probePrinter: { params: { id: string }; result: PrinterEntry };
  /**
   * The printers the user chose (ids from the list): their Web Config origins are allowed for
   * "open outside the app". Answers the listed ones as progress keeps them.
   */
  choosePrinters: { params: { ids: string[] }; result: ChosenPrinter[] };
}

export interface DiscoveryEvents {
  'printers-changed': DiscoverySnapshot;
}
