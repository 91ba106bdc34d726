/**
 * What the troubleshooter shows, if anything. It opens over any step (top bar button,
 * Welcome's "Something stopped working") and closes back to the same step. The guide's extra
 * sections (fax server, Print Admin Serverless) open in the same place.
 */
import { create } from 'zustand';
import type { Recognition } from '../../shared/troubleshoot/recognise';

export type TroubleshootView = 'troubleshoot' | 'fax' | 'print-admin';

interface TroubleshootState {
  open: boolean;
  view: TroubleshootView;
  /** A problem to explain at once (Done's "if it lapsed"), instead of asking what was seen. */
  start: Recognition | null;
  /** Goes up with every opening, so each one starts clean (no diagnosis, no check results). */
  opening: number;
  show(view?: TroubleshootView): void;
  /** Opens the troubleshooter on one problem's explanation. */
  explain(start: Recognition): void;
  hide(): void;
}

export const useTroubleshoot = create<TroubleshootState>((set, get) => ({
  open: false,
  view: 'troubleshoot',
  start: null,
  opening: 0,
  show: (view = 'troubleshoot') =>
    set({ open: true, view, start: null, opening: get().opening + 1 }),
  explain: (start) => set({ open: true, view: 'troubleshoot', start, opening: get().opening + 1 }),
  hide: () => set({ open: false, view: 'troubleshoot', start: null }),
}));
