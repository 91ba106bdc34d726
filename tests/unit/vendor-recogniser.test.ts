/**
 * The one vendor recogniser (shared/vendor-profiles.ts `printerMakes`): discovery, the printer
 * card and the walkthrough name the same make, from what a printer announces over mDNS (TXT
 * usb_MFG, ty, product) or IPP (printer-make-and-model, the device id's MFG). One row per make.
 */
import { describe, expect, it } from 'vitest';
import { groupPrinters, toChosenPrinter } from '../../electron/services/discovery/grouping';
import type { ServiceAnnouncement } from '../../shared/printers';
import {
  printerMakes,
  recogniseVendor,
  vendorProfileFor,
  type PrinterVendor,
} from '../../shared/vendor-profiles';

/** [make, usb_MFG, ty (and IPP make-and-model), walkthrough] as the printers announce them. */
const rows: [PrinterVendor, string, string, string][] = [
  ['epson', 'EPSON', 'EPSON ET-2760 Series', 'epson'],
  ['canon', 'Canon', 'Canon iR-ADV C5535', 'canon'],
  ['ricoh', 'RICOH', 'RICOH IM C3000', 'generic'],
  ['xerox', 'Xerox', 'Xerox AltaLink C8130', 'generic'],
  ['kyocera', 'Kyocera', 'Kyocera TASKalfa 4054ci', 'generic'],
  ['brother', 'Brother', 'Brother MFC-L2750DW series', 'generic'],
  ['hp', 'HP', 'HP LaserJet MFP M428fdw', 'generic'],
  ['sharp', 'SHARP', 'SHARP BP-70C65', 'sharp'],
  ['konica-minolta', 'KONICA MINOLTA', 'KONICA MINOLTA bizhub C451i', 'konica-minolta'],
  ['lexmark', 'Lexmark', 'Lexmark CX735', 'lexmark'],
];

function announce(usbMfg: string, ty: string): ServiceAnnouncement {
  return {
    fqdn: `${ty.toLowerCase().replace(/\W+/g, '-')}._ipp._tcp.local`,
    type: 'ipp',
    instance: 'Office printer',
    host: 'printer.local',
    port: 631,
    addresses: ['192.0.2.10'],
    txt: { usb_mfg: usbMfg, ty, product: `(${ty})` },
    subtypes: [],
    seenAt: 0,
  };
}

describe.each(rows)('%s', (make, usbMfg, ty, profile) => {
  it('is recognised from each of usb_MFG, ty, product and the IPP make and model', () => {
    expect(recogniseVendor({ txt: { usb_mfg: usbMfg } })).toBe(make);
    expect(recogniseVendor({ txt: { ty } })).toBe(make);
    expect(recogniseVendor({ txt: { product: `(${ty})` } })).toBe(make);
    expect(recogniseVendor({ model: ty })).toBe(make);
    expect(recogniseVendor({ manufacturer: usbMfg })).toBe(make);
  });
  it('discovery, the card and the walkthrough agree', () => {
    const [row] = groupPrinters([announce(usbMfg, ty)]);
    expect(row?.vendor).toBe(make);
    const chosen = row ? toChosenPrinter(row) : null;
    expect(chosen && vendorProfileFor(chosen).id).toBe(profile);
  });
});

it('every make in the table has a test row', () => {
  expect(rows.map(([make]) => make).sort()).toEqual(printerMakes.map((make) => make.id).sort());
});

it('the manufacturer wins over a model or name that names another make', () => {
  expect(recogniseVendor({ txt: { usb_mfg: 'Brother' }, name: 'Canon replacement' })).toBe(
    'brother',
  );
  expect(recogniseVendor({ txt: { ty: 'Acme 3000' }, name: 'Sharpie labels' })).toBe('other');
  expect(recogniseVendor({ uuid: 'CFE92100-67C4-11D4-A45F-001122334455' })).toBe('epson');
});
