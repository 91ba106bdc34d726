/**
 * Vendor profiles: where each vendor's web page keeps the Exchange Online OAuth settings, in
 * the order the person goes through them. Data, not code: a new walkthrough is a new entry here
 * plus its words in renderer/locales/<lang>/printer.json (`vendors.<id>.*`); the make that
 * leads to it is a row of `printerMakes` below.
 *
 * Every label a printer shows on its own screens is a key into `vendors.<id>.labels`, so each
 * language can name it exactly as the printer does in that language (the Epson guide gives
 * them per language; Canon and Lexmark only in English, reference F.4).
 */
import { epsonUuidPrefix, type ChosenPrinter } from './printers';

export const vendorProfileIds = [
  'epson',
  'canon',
  'lexmark',
  'sharp',
  'konica-minolta',
  'generic',
] as const;
export type VendorProfileId = (typeof vendorProfileIds)[number];

/** One instruction: its text is `vendors.<id>.steps.<step id>`, with the labels filled in. */
export interface VendorStep {
  id: string;
  /** Label keys (`vendors.<id>.labels.<key>`) the text names, passed as {{key}}. */
  labels: readonly string[];
  /** What the step is about, so the screen can add the right help next to it. */
  kind: 'open' | 'login' | 'navigate' | 'choose' | 'sign-in' | 'code' | 'consent' | 'confirm';
}

export interface VendorProfile {
  id: VendorProfileId;
  /**
   * Label key of where the steps are done: the printer's web page ("Web Config", "Remote UI",
   * "Embedded Web Server") or, for makes whose token is taken at the machine, its panel.
   */
  webPageLabel: string;
  /** Label key of the printer's web page when the steps are done elsewhere (the open button). */
  openLabel?: string;
  /** The steps on the printer's web page and on Microsoft's sign-in page, in order. */
  steps: readonly VendorStep[];
  /** Where the default administrator password is found (`vendors.<id>.passwordHints.<key>`). */
  passwordHints: readonly string[];
  /** Notes the vendor's guide gives (`vendors.<id>.notes.<key>`). */
  notes: readonly string[];
  /** How to see the email server status on the printer (`vendors.<id>.statusPaths.<key>`). */
  statusPaths: readonly string[];
  /**
   * Where the printer's web page shows its network status sheet, when the wizard can read it
   * there (electron/services/status-sheet.ts); absent: the person reads the sheet.
   */
  statusSheetPage?: string;
  /** Label keys for the status sheet fields this vendor shows (`vendors.<id>.labels.<key>`). */
  statusFieldLabels: Partial<Record<StatusFieldId, string>>;
  /** Label keys of the values to check: the signed-in state and the service to choose. */
  signedInLabel: string;
  /** Where the settings live (a path of label keys), e.g. Network > Email Server > Basic. */
  settingsPath: readonly string[];
}

/** The fields of the email server status the wizard checks, in the order a sheet lists them. */
export const statusFieldIds = [
  'authentication-method',
  'email-service',
  'current-status',
  'authenticated-account',
  'sender-address',
  'smtp-server',
  'smtp-port',
  'secure-connection',
  'certificate-validation',
] as const;
export type StatusFieldId = (typeof statusFieldIds)[number];

/** Epson Web Config's network information page, with the email server status (reference G.1). */
export const epsonStatusSheetPage = '/PRESENTATION/ADVANCED/INFO_NWINFO/TOP';

const epson: VendorProfile = {
  id: 'epson',
  webPageLabel: 'webConfig',
  settingsPath: ['network', 'emailServer', 'basic'],
  steps: [
    { id: 'open', labels: ['webConfig'], kind: 'open' },
    { id: 'login', labels: ['logIn', 'ok'], kind: 'login' },
    { id: 'navigate', labels: ['network', 'emailServer', 'basic'], kind: 'navigate' },
    { id: 'method', labels: ['authenticationMethod', 'oauth2'], kind: 'choose' },
    {
      id: 'service',
      labels: ['emailService', 'exchangeOnline', 'outlookCom'],
      kind: 'choose',
    },
    { id: 'signIn', labels: ['signIn', 'signInWithMicrosoft'], kind: 'sign-in' },
    { id: 'code', labels: ['next'], kind: 'code' },
    { id: 'account', labels: ['next', 'signIn'], kind: 'sign-in' },
    { id: 'consent', labels: ['consentOrganization', 'accept'], kind: 'consent' },
    { id: 'status', labels: ['currentStatus', 'signedIn'], kind: 'confirm' },
    { id: 'ok', labels: ['ok'], kind: 'confirm' },
  ],
  passwordHints: ['serial', 'passwordLabel', 'reset'],
  notes: ['additionalNetwork', 'certificates', 'firmware'],
  statusPaths: ['panel', 'sheet', 'webConfig'],
  // Web Config's network information page (reference G.1). Its layout on real printers is not
  // captured; the reader takes the guide's label/value lines (shared/printer-setup.ts).
  statusSheetPage: epsonStatusSheetPage,
  statusFieldLabels: {
    'authentication-method': 'authenticationMethod',
    'email-service': 'emailService',
    'current-status': 'currentStatus',
    'authenticated-account': 'authenticatedAccount',
    'sender-address': 'senderAddress',
    'smtp-server': 'smtpServer',
    'smtp-port': 'smtpPort',
    'secure-connection': 'secureConnection',
    'certificate-validation': 'certificateValidation',
  },
  signedInLabel: 'signedIn',
};

const canon: VendorProfile = {
  id: 'canon',
  webPageLabel: 'remoteUi',
  settingsPath: ['settingsRegistration', 'send', 'oauthSettings'],
  steps: [
    { id: 'open', labels: ['remoteUi'], kind: 'open' },
    { id: 'login', labels: ['administrator'], kind: 'login' },
    { id: 'navigate', labels: ['settingsRegistration', 'send', 'oauthSettings'], kind: 'navigate' },
    { id: 'endpoint', labels: ['endpoint'], kind: 'choose' },
    { id: 'code', labels: ['userCode'], kind: 'code' },
    { id: 'consent', labels: ['consentOrganization', 'accept'], kind: 'consent' },
    { id: 'status', labels: ['tokenStatus', 'active'], kind: 'confirm' },
  ],
  passwordHints: ['manual'],
  notes: ['englishLabels', 'clock', 'emailSettings'],
  statusPaths: ['remoteUi'],
  statusFieldLabels: { 'current-status': 'tokenStatus' },
  signedInLabel: 'active',
};

const lexmark: VendorProfile = {
  id: 'lexmark',
  webPageLabel: 'ews',
  settingsPath: ['settings', 'email', 'setUpOauth'],
  steps: [
    { id: 'open', labels: ['ews'], kind: 'open' },
    { id: 'login', labels: [], kind: 'login' },
    { id: 'navigate', labels: ['settings', 'email', 'setUpOauth'], kind: 'navigate' },
    { id: 'register', labels: ['register'], kind: 'sign-in' },
    { id: 'code', labels: [], kind: 'code' },
    { id: 'consent', labels: ['consentOrganization', 'accept'], kind: 'consent' },
    { id: 'status', labels: ['status', 'registrationRequired', 'registered'], kind: 'confirm' },
  ],
  passwordHints: ['manual'],
  notes: ['englishLabels', 'firmware', 'fax'],
  statusPaths: ['ews'],
  statusFieldLabels: { 'current-status': 'status' },
  signedInLabel: 'registered',
};

/**
 * Sharp (BP series): SMTP settings with OAuth 2.0 and [Get Token]; on some models the token can
 * only be taken at the machine (its panel browser opens Microsoft's page), not on the Web page.
 * Sharp's manuals, "OAuth 2.0 authentication" (global.sharp, bp70c65, bp70m90, bpb550wd).
 */
const sharp: VendorProfile = {
  id: 'sharp',
  webPageLabel: 'machine',
  openLabel: 'webPage',
  settingsPath: [
    'settingsAdministrator',
    'systemSettings',
    'networkSettings',
    'serviceSettings',
    'smtp',
  ],
  steps: [
    { id: 'open', labels: [], kind: 'open' },
    { id: 'login', labels: ['settingsAdministrator'], kind: 'login' },
    {
      id: 'navigate',
      labels: ['systemSettings', 'networkSettings', 'serviceSettings', 'smtp'],
      kind: 'navigate',
    },
    {
      id: 'server',
      labels: ['primaryServer', 'portNumber', 'senderAddress', 'enableSslTls'],
      kind: 'choose',
    },
    { id: 'method', labels: ['authenticationMethod', 'oauth2'], kind: 'choose' },
    { id: 'signIn', labels: ['getToken', 'ok'], kind: 'sign-in' },
    { id: 'account', labels: [], kind: 'sign-in' },
    { id: 'consent', labels: ['consentOrganization', 'accept'], kind: 'consent' },
    { id: 'status', labels: ['tokenUpdateFailed'], kind: 'confirm' },
  ],
  passwordHints: ['manual'],
  notes: ['atMachine', 'separatePop', 'labels'],
  statusPaths: ['connectionTest'],
  statusFieldLabels: {},
  signedInLabel: 'tokenObtained',
};

/**
 * Konica Minolta bizhub i-series: OAuth for E-mail TX (SMTP), the token taken at the control
 * panel (Utility > Administrator > Network > E-mail Setting > E-mail TX (SMTP) > OAuth
 * Settings). Konica Minolta's bizhub 651i/551i/451i user's guide (reference F.4 update).
 */
const konicaMinolta: VendorProfile = {
  id: 'konica-minolta',
  webPageLabel: 'controlPanel',
  openLabel: 'webConnection',
  settingsPath: ['utility', 'administrator', 'network', 'emailSetting', 'emailTx', 'oauthSettings'],
  steps: [
    { id: 'open', labels: ['utility', 'administrator'], kind: 'login' },
    {
      id: 'navigate',
      labels: ['network', 'emailSetting', 'emailTx', 'oauthSettings'],
      kind: 'navigate',
    },
    { id: 'method', labels: [], kind: 'choose' },
    { id: 'code', labels: [], kind: 'code' },
    { id: 'consent', labels: ['consentOrganization', 'accept'], kind: 'consent' },
    { id: 'status', labels: [], kind: 'confirm' },
  ],
  passwordHints: ['manual'],
  notes: ['iSeries', 'labels'],
  statusPaths: ['panel'],
  statusFieldLabels: {},
  signedInLabel: 'tokenObtained',
};

const generic: VendorProfile = {
  id: 'generic',
  webPageLabel: 'webPage',
  settingsPath: [],
  steps: [
    { id: 'open', labels: [], kind: 'open' },
    { id: 'login', labels: [], kind: 'login' },
    { id: 'navigate', labels: [], kind: 'navigate' },
    { id: 'method', labels: [], kind: 'choose' },
    { id: 'code', labels: [], kind: 'code' },
    { id: 'consent', labels: ['consentOrganization', 'accept'], kind: 'consent' },
    { id: 'status', labels: [], kind: 'confirm' },
  ],
  passwordHints: ['manual'],
  notes: ['noOauth', 'firmware'],
  statusPaths: ['webPage'],
  statusFieldLabels: {},
  signedInLabel: 'signedIn',
};

export const vendorProfiles: Record<VendorProfileId, VendorProfile> = {
  epson,
  canon,
  lexmark,
  sharp,
  'konica-minolta': konicaMinolta,
  generic,
};

export interface PrinterMake {
  id: string;
  /** The make's names as printers announce them (usb_MFG, ty, product, IPP make and model). */
  words: RegExp;
  /** IPP UUIDs of this make start with this (reference F.2). */
  uuidPrefix?: string;
  /** Its walkthrough; makes no source describes get the generic one. */
  profile: VendorProfile;
}

/**
 * The one vendor recogniser's table: the makes the wizard tells apart, each with the names a
 * printer announces it by and its walkthrough. Discovery, the printer card and the walkthrough
 * all read it (recogniseVendor), so they always name the same make. A new make is one row here
 * (with a profile above when a source describes its screens), its name in
 * renderer/locales/<lang>/discovery.json (`card.vendor.<id>`) and one test row.
 */
export const printerMakes = [
  { id: 'epson', words: /\bepson\b/i, uuidPrefix: epsonUuidPrefix, profile: epson },
  { id: 'canon', words: /\bcanon\b|\bimagerunner\b/i, profile: canon },
  { id: 'ricoh', words: /\bricoh\b|\baficio\b|\bsavin\b|\blanier\b/i, profile: generic },
  {
    id: 'xerox',
    words: /\bxerox\b|\baltalink\b|\bversalink\b|\bprimelink\b/i,
    profile: generic,
  },
  { id: 'kyocera', words: /\bkyocera\b|\btaskalfa\b|\becosys\b/i, profile: generic },
  { id: 'brother', words: /\bbrother\b/i, profile: generic },
  {
    id: 'hp',
    words: /\bhp\b|\bhewlett[- ]?packard\b|\blaserjet\b|\bofficejet\b|\bpagewide\b/i,
    profile: generic,
  },
  { id: 'sharp', words: /\bsharp\b/i, profile: sharp },
  { id: 'konica-minolta', words: /\bkonica\b|\bminolta\b|\bbizhub\b/i, profile: konicaMinolta },
  { id: 'lexmark', words: /\blexmark\b/i, profile: lexmark },
] as const satisfies readonly PrinterMake[];

export type PrinterMakeId = (typeof printerMakes)[number]['id'];
/** A recognised make, or 'other' for a printer none of the table's words name. */
export type PrinterVendor = PrinterMakeId | 'other';
export const printerVendors: readonly [PrinterVendor, ...PrinterVendor[]] = [
  'other',
  ...printerMakes.map((make) => make.id),
];

/** What a printer says about itself, most telling first; all hostile, plain text. */
export interface MakeSignals {
  /** DNS-SD TXT record, keys lower-cased (usb_mfg, ty, product). */
  txt?: Readonly<Record<string, string>>;
  /** IPP printer-uuid (without urn:uuid:). */
  uuid?: string | null;
  /** The manufacturer: usb_MFG, or MFG of the IPP printer-device-id. */
  manufacturer?: string | null;
  /** The model: ty or IPP printer-make-and-model. */
  model?: string | null;
  /** The name it announces (instance name), the weakest signal. */
  name?: string | null;
}

/** The make a printer announces: the first signal that names one, else its UUID, else 'other'. */
export function recogniseVendor(signals: MakeSignals): PrinterVendor {
  const txt = signals.txt ?? {};
  const texts = [
    txt['usb_mfg'],
    signals.manufacturer,
    txt['ty'],
    txt['product'],
    signals.model,
    signals.name,
  ];
  for (const text of texts) {
    if (!text) continue;
    const make = printerMakes.find((each: PrinterMake) => each.words.test(text));
    if (make) return make.id;
  }
  const uuid = signals.uuid?.toLowerCase();
  const byUuid = printerMakes.find(
    (each: PrinterMake) => uuid && each.uuidPrefix && uuid.startsWith(each.uuidPrefix),
  );
  return byUuid?.id ?? 'other';
}

/**
 * The walkthrough for a chosen printer: its recognised make's, or, for a printer recorded as
 * 'other' (typed in by address), the make its model or name names. Any other make gets the
 * generic walkthrough: what to look for.
 */
export function vendorProfileFor(
  printer: Pick<ChosenPrinter, 'vendor' | 'model' | 'name'>,
): VendorProfile {
  const vendor =
    printer.vendor === 'other'
      ? recogniseVendor({ model: printer.model, name: printer.name })
      : printer.vendor;
  const make: PrinterMake | undefined = printerMakes.find((each) => each.id === vendor);
  return make?.profile ?? generic;
}
