/**
 * The Electron shell's decisions as pure functions, so they run and are tested in plain Node
 * (tests/unit/shell-policies.test.ts): who may call over IPC, which file an app:// address
 * serves, which command-line flags are the wizard's, and what navigation, new windows and
 * permission requests are allowed. main.ts only wires them to Electron's events.
 *
 * Never compare `new URL(...).origin` for app:// addresses: for a scheme the WHATWG parser
 * does not know (Node's, in the main process), the origin is opaque, i.e. the string 'null'.
 * Compare protocol and host instead.
 */
import path from 'node:path';

export const appScheme = 'app';
export const appHost = 'wizard';
/** What the window loads first. */
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for an address of the wizard's own pages: app://wizard/…, no port, no credentials. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${appScheme}:` &&
    parsed.host === appHost &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** What identifies a frame in Electron (WebFrameMain): its document's URL and its ids. */
export interface FrameFacts {
  url: string;
  processId: number;
  routingId: number;
}

export interface SenderFacts {
  /** `event.senderFrame`: null when the frame is gone or navigated away. */
  frame: FrameFacts | null;
  /** The main frame of the app window (`window.webContents.mainFrame`). */
  appMainFrame: FrameFacts | null;
  /** The message came from the app window's web contents (`event.sender`). */
  fromAppWindow: boolean;
}

/**
 * IPC answers exactly the app window's main frame showing the wizard's own page: not a
 * sub-frame, not another window, not a page that navigated elsewhere.
 */
export function isTrustedSender({ frame, appMainFrame, fromAppWindow }: SenderFacts): boolean {
  if (!fromAppWindow || frame === null || appMainFrame === null) return false;
  const isMainFrame =
    frame.processId === appMainFrame.processId && frame.routingId === appMainFrame.routingId;
  return isMainFrame && isAppUrl(frame.url);
}

export type AppRequestTarget = { kind: 'file'; file: string } | { kind: 'not-found' };

/**
 * The file an app:// request is served from: inside `rendererDir` only, `/` is index.html.
 * Encoded separators, `..`, NUL and backslashes never leave the folder. `paths` is a parameter
 * so tests can check Windows path rules on any OS.
 */
export function resolveAppRequest(
  requestUrl: string,
  rendererDir: string,
  paths: path.PlatformPath = path,
): AppRequestTarget {
  const notFound: AppRequestTarget = { kind: 'not-found' };
  const parsed = parse(requestUrl);
  if (parsed === null || !isAppUrl(requestUrl)) return notFound;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname.replace(/^\/+/, ''));
  } catch {
    return notFound;
  }
  if (relative === '') relative = 'index.html';
  if (relative.endsWith('/') || relative.includes('\0') || relative.includes('\\')) {
    return notFound;
  }
  const root = paths.resolve(rendererDir);
  const file = paths.resolve(root, relative);
  return file.startsWith(root + paths.sep) ? { kind: 'file', file } : notFound;
}

/**
 * Switches Chromium, Node and test runners put on the command line (e.g. Playwright's
 * `--remote-debugging-port=0`, macOS's `-psn_…`): not the wizard's, so not parsed as its flags.
 */
const foreignSwitch =
  /^(--(inspect|inspect-brk|remote-debugging|no-sandbox|enable-logging|disable-gpu|no-zygote|user-data-dir|allow-file-access)([=-].*)?$|-psn_)/;

/**
 * The wizard's own flags from `process.argv`. Unpackaged, Electron runs `electron <app> …`;
 * packaged, `<exe> …`. Chromium's and debuggers' switches are dropped.
 */
export function wizardArgs(argv: readonly string[], isPackaged: boolean): string[] {
  const script = argv.findIndex((arg, index) => index > 0 && /(^|[\\/])main\.js$/.test(arg));
  const first = script >= 0 ? script + 1 : isPackaged ? 1 : 2;
  return argv.slice(first).filter((arg) => !foreignSwitch.test(arg));
}

/** The window only ever shows the wizard's own pages; links out go through openExternal. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * New windows (window.open, target=_blank) are always refused: the wizard opens addresses in
 * the system browser through its allow-list (openExternal), never in a window of its own.
 */
export function newWindowDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Permissions the wizard's page may have: writing to the clipboard (the "Copy" buttons for the
 * sign-in code and the PowerShell commands), and only for its own main frame. Everything else
 * (camera, notifications, geolocation, …) and every other page is refused.
 */
const grantedToApp = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(request: {
  permission: string;
  requestingUrl: string;
  isMainFrame: boolean;
}): boolean {
  return (
    request.isMainFrame && grantedToApp.has(request.permission) && isAppUrl(request.requestingUrl)
  );
}
