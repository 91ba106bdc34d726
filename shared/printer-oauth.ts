/**
 * Whether a printer can do OAuth 2.0 for Exchange Online, from its maker's own pages: one
 * sourced table (make, model family, minimum firmware, source) and one pure judge. Where a maker
 * publishes nothing the wizard could read, the answer is "unknown", never a guess. The person
 * can always overrule it ("my printer's email settings have no OAuth 2.0"), and that wins.
 *
 * Every row, its source and what no source confirms: docs/printer-oauth.md.
 */
import { recogniseVendor, type PrinterVendor } from './vendor-profiles';

/** What a maker's own page says about a model family. */
export type OauthStatement = 'supported' | 'from-firmware' | 'not-offered' | 'unknown';

export interface OauthSource {
  url: string;
  /** The page's own title (a proper name: shown as the maker wrote it, in any language). */
  title: string;
  /**
   * true: the page's text was read for this table. false: the address of the maker's own
   * advisory is known (named by a public list that links each row to its evidence) but its
   * text could not be read here, so it only tells the person where to look.
   */
  read: boolean;
}

export interface OauthSupportRow {
  make: Exclude<PrinterVendor, 'other'>;
  /** The model family as the maker names it ("every model" rows end a make's list). */
  family: string;
  /** What the printer's model text must contain; null: every other model of this make. */
  models: RegExp | null;
  statement: OauthStatement;
  /** The lowest firmware the maker names, as it writes it; null when it names none. */
  minimumFirmware: string | null;
  /** The maker's page behind the row; null when none was found. */
  source: OauthSource | null;
}

const epsonEsC380w: OauthSource = {
  url: 'https://download4.epson.biz/sec_pubs/es-c380w/useg/en/GUID-F5D4639B-E3F2-4894-9DF7-74AB22A39C62.htm',
  title: 'Epson ES-C380W User’s Guide: Setting Up OAuth2.0 Authentication for the Email Server',
  read: true,
};
const canonManual: OauthSource = {
  url: 'https://oip.manual.canon/USRMA-9064-zz-CS-7100-enAU/contents/devu-scan-prep-send_store-cloud.html',
  title: 'Canon User’s Guide: Configuring the OAuth 2.0 Authentication (Microsoft) Settings',
  read: true,
};
const sharpBpB550wd: OauthSource = {
  url: 'https://global.sharp/restricted/products/copier/downloads/manuals/bpb550wd/us/contents_08-03_004.html',
  title: 'Sharp BP-B550WD User’s Manual: OAuth 2.0 Authentication',
  read: true,
};
const konicaMinoltaIseries: OauthSource = {
  url: 'https://manuals.konicaminolta.eu/bizhub-651i-551i-451i/EN/contents/AI_03_01.html',
  title: 'Konica Minolta bizhub 651i/551i/451i User’s Guide: Using OAuth Authentication',
  read: true,
};

/**
 * The table, a make's specific families first and its "every other model" row last. Model
 * patterns allow the hyphen or space printers sometimes leave out ("BP70C65", "ES C380W").
 */
export const oauthSupportTable: readonly OauthSupportRow[] = [
  {
    make: 'epson',
    family: 'ES-C380W',
    models: /\bES[- ]?C380W\b/i,
    statement: 'supported',
    minimumFirmware: null,
    source: epsonEsC380w,
  },
  // Epson's guide (reference F.4/G.1) says "use the latest firmware" and names no model list.
  {
    make: 'epson',
    family: 'every other Epson model',
    models: null,
    statement: 'unknown',
    minimumFirmware: null,
    source: epsonEsC380w,
  },
  // Canon's manual shows the setting; which models and firmware have it, no Canon page read says.
  {
    make: 'canon',
    family: 'every Canon model',
    models: null,
    statement: 'unknown',
    minimumFirmware: null,
    source: canonManual,
  },
  {
    make: 'ricoh',
    family: 'every Ricoh model',
    models: null,
    statement: 'unknown',
    minimumFirmware: null,
    source: {
      url: 'https://www.ricoh.com/info/2025/0526_1',
      title: 'Ricoh: Microsoft Exchange Online basic authentication and Ricoh products',
      read: false,
    },
  },
  {
    make: 'xerox',
    family: 'every Xerox model',
    models: null,
    statement: 'unknown',
    minimumFirmware: null,
    source: {
      url: 'https://www.xerox.com/en-us/office/insights/exchange-online-authentication',
      title: 'Xerox: Exchange Online authentication',
      read: false,
    },
  },
  {
    make: 'kyocera',
    family: 'every Kyocera model',
    models: null,
    statement: 'unknown',
    minimumFirmware: null,
    source: null,
  },
  {
    make: 'brother',
    family: 'every Brother model',
    models: null,
    statement: 'unknown',
    minimumFirmware: null,
    source: {
      url: 'https://support.brother.com/g/b/oscontents.aspx?c=us&lang=en&ossid=42',
      title: 'Brother: OAuth 2.0 for Microsoft 365, Product Support List',
      read: false,
    },
  },
  {
    make: 'hp',
    family: 'every HP model',
    models: null,
    statement: 'unknown',
    minimumFirmware: null,
    source: {
      url: 'https://support.hp.com/nz-en/document/ish_13623350-13600809-16',
      title: 'HP Support: OAuth 2.0 for Microsoft 365 Scan to Email',
      read: false,
    },
  },
  {
    make: 'sharp',
    family: 'BP-70C65',
    models: /\bBP[- ]?70C65\b/i,
    statement: 'supported',
    minimumFirmware: null,
    source: {
      url: 'https://global.sharp/restricted/products/copier/downloads/manuals/bp70c65/us/contents_08-03_004.html',
      title: 'Sharp BP-70C65 User’s Manual: OAuth 2.0 Authentication',
      read: true,
    },
  },
  {
    make: 'sharp',
    family: 'BP-70M65',
    models: /\bBP[- ]?70M65\b/i,
    statement: 'supported',
    minimumFirmware: null,
    source: {
      url: 'http://global.sharp/restricted/products/copier/downloads/manuals/bp70m65/en/contents_08-03_004.html',
      title: 'Sharp BP-70M65 User’s Manual: OAuth 2.0 Authentication',
      read: true,
    },
  },
  {
    make: 'sharp',
    family: 'BP-70M90',
    models: /\bBP[- ]?70M90\b/i,
    statement: 'supported',
    minimumFirmware: null,
    source: {
      url: 'http://cgi.global.sharp/restricted/products/copier/downloads/manuals/bp70m90/en/contents_09-03_004.html',
      title: 'Sharp BP-70M90 User’s Manual: OAuth 2.0 Authentication',
      read: true,
    },
  },
  {
    make: 'sharp',
    family: 'BP-B550WD',
    models: /\bBP[- ]?B550WD\b/i,
    statement: 'supported',
    minimumFirmware: null,
    source: sharpBpB550wd,
  },
  {
    make: 'sharp',
    family: 'BP-B550PW',
    models: /\bBP[- ]?B550PW\b/i,
    statement: 'supported',
    minimumFirmware: null,
    source: {
      url: 'http://cgi.global.sharp/restricted/products/copier/downloads/manuals/bpb550pw/us/contents_08-03_003.html',
      title: 'Sharp BP-B550PW User’s Manual: OAuth 2.0 Authentication',
      read: true,
    },
  },
  {
    make: 'sharp',
    family: 'BP-C131WD',
    models: /\bBP[- ]?C131WD\b/i,
    statement: 'supported',
    minimumFirmware: null,
    source: {
      url: 'http://cgi.global.sharp/restricted/products/copier/downloads/manuals/bpc131wd/en/contents_07-03_003.html',
      title: 'Sharp BP-C131WD User’s Manual: OAuth 2.0 Authentication',
      read: true,
    },
  },
  {
    make: 'sharp',
    family: 'every other Sharp model',
    models: null,
    statement: 'unknown',
    minimumFirmware: null,
    source: sharpBpB550wd,
  },
  {
    make: 'konica-minolta',
    family: 'bizhub 651i/551i/451i',
    models: /\bbizhub\s*(?:651i|551i|451i)\b/i,
    statement: 'supported',
    minimumFirmware: null,
    source: konicaMinoltaIseries,
  },
  {
    make: 'konica-minolta',
    family: 'every other Konica Minolta model',
    models: null,
    statement: 'unknown',
    minimumFirmware: null,
    source: konicaMinoltaIseries,
  },
  // "Lexmark printers support OAuth 2.0 authentication starting with the FW24 firmware release."
  {
    make: 'lexmark',
    family: 'every Lexmark model',
    models: null,
    statement: 'from-firmware',
    minimumFirmware: 'FW24',
    source: {
      url: 'https://support.lexmark.com/en_us/manuals-guides/online/FORMS-PRINTER-2591-PLUS/how-to-set-up-oauth-2-authentication.html',
      title: 'Lexmark Knowledge Base: How to set up OAuth 2.0',
      read: true,
    },
  },
];

/** What the wizard tells the person about one printer. */
export type OauthVerdict =
  | { kind: 'supported'; family: string; source: OauthSource }
  | {
      kind: 'update-first';
      family: string;
      minimumFirmware: string;
      /**
       * The version the printer reports, shown next to the minimum. Never compared: no maker's
       * page read here says how its release names map to the versions printers report.
       */
      firmware: string | null;
      source: OauthSource;
    }
  | { kind: 'not-offered'; by: 'maker'; family: string; source: OauthSource }
  | { kind: 'not-offered'; by: 'person' }
  | { kind: 'unknown'; source: OauthSource | null };

export interface PrinterFacts {
  vendor: PrinterVendor;
  /** The model text the printer announces (IPP make-and-model, mDNS ty); hostile plain text. */
  model: string | null;
  /** The main firmware version the probe read, as the printer wrote it. */
  firmware: string | null;
}

/**
 * The make to judge by: the recognised one, or for a printer recorded as 'other' (typed in by
 * address before its make was known) the make its model text names, as the walkthrough does.
 */
export function oauthMakeOf(printer: Pick<PrinterFacts, 'vendor' | 'model'>): PrinterVendor {
  return printer.vendor === 'other' ? recogniseVendor({ model: printer.model }) : printer.vendor;
}

/**
 * Judges one printer. The person's "its email settings have no OAuth 2.0" wins over any
 * table; otherwise the first row of its make whose models match (a make's "every other model"
 * row matches anything). A row that names a family without a source is never trusted.
 */
export function judgeOauthSupport(
  printer: PrinterFacts,
  overrule: { noOauthInEmailSettings?: boolean } = {},
  table: readonly OauthSupportRow[] = oauthSupportTable,
): OauthVerdict {
  if (overrule.noOauthInEmailSettings === true) return { kind: 'not-offered', by: 'person' };
  const make = oauthMakeOf(printer);
  if (make === 'other') return { kind: 'unknown', source: null };
  const model = printer.model ?? '';
  const row = table.find(
    (each) => each.make === make && (each.models === null || each.models.test(model)),
  );
  if (!row) return { kind: 'unknown', source: null };
  const { source } = row;
  if (!source || !source.read) return { kind: 'unknown', source };
  switch (row.statement) {
    case 'supported':
      return { kind: 'supported', family: row.family, source };
    case 'from-firmware':
      return row.minimumFirmware
        ? {
            kind: 'update-first',
            family: row.family,
            minimumFirmware: row.minimumFirmware,
            firmware: printer.firmware,
            source,
          }
        : { kind: 'unknown', source };
    case 'not-offered':
      return { kind: 'not-offered', by: 'maker', family: row.family, source };
    case 'unknown':
      return { kind: 'unknown', source };
  }
}

/**
 * The origins of every source in the table: main's link allow-list admits exactly these. (The
 * table's addresses are written here, plain http(s) with a host and no port or user, so the
 * origin is their scheme and host; shared/ has no URL parser.)
 */
export const oauthSourceOrigins: readonly string[] = [
  ...new Set(
    oauthSupportTable.flatMap((row) => {
      const origin = row.source && /^https?:\/\/[a-z0-9.-]+(?=\/|$)/i.exec(row.source.url);
      return origin ? [origin[0].toLowerCase()] : [];
    }),
  ),
];
