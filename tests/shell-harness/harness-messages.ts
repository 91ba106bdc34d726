/**
 * The messages between the harness (Playwright's process) and the stand-in for Electron in
 * the main process's process, over Node's IPC channel with structured clone (as Electron's
 * IPC clones). Electron does these things inside one program; here they cross a process.
 */

/** Stand-in → harness. */
export type ToHarness =
  | { kind: 'load'; id: number; contentsId: number; url: string }
  | { kind: 'send'; contentsId: number; channel: string; args: unknown[] }
  | { kind: 'open-external'; url: string }
  /** A save dialog main opened (answered as Cancel): its suggested name and file types. */
  | { kind: 'save-dialog'; defaultPath: string; extensions: string[] }
  | { kind: 'exit'; code: number }
  | { kind: 'reply'; id: number; value?: unknown; error?: string };

/** Harness → stand-in: what Chromium or a person would make Electron do. */
export type HarnessRequest = { kind: 'request'; id: number } & (
  | { op: 'protocol'; url: string; method: string }
  | {
      op: 'invoke';
      contentsId: number;
      channel: string;
      args: unknown[];
      frameUrl: string;
      isMainFrame: boolean;
    }
  | { op: 'will-navigate'; contentsId: number; url: string }
  | { op: 'window-open'; contentsId: number; url: string }
  | { op: 'attach-webview'; contentsId: number; url: string }
  | { op: 'permission'; contentsId: number; permission: string; url: string; isMainFrame: boolean }
  | { op: 'new-contents' }
  | { op: 'inspect' }
  | { op: 'close-windows' }
);

/** Harness → stand-in: the answer to a `load` (the page loaded, or why not). */
export interface LoadAnswer {
  kind: 'answer';
  id: number;
  error?: string;
}

export type FromHarness = HarnessRequest | LoadAnswer;

export interface ProtocolReply {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

/** What main registered, as the stand-in recorded it. */
export interface StandInInspection {
  sandboxEnabled: boolean;
  name: string;
  privilegedSchemes: unknown[];
  protocolSchemes: string[];
  ipcChannels: string[];
  windowOptions: { webPreferences?: Record<string, unknown> }[];
  hasPermissionRequestHandler: boolean;
  hasPermissionCheckHandler: boolean;
}
