/**
 * What the troubleshooter shows, if anything. It opens over any step (top bar button,
 * Welcome's "Something stopped working") and closes back to the same step. The guide's extra
 * sections (fax server, Print Admin Serverless) open in the same place.
 */
import { create } from 'zustand';

export type TroubleshootView = 'troubleshoot' | 'fax' | 'print-admin';

interface TroubleshootState {
  open: boolean;
  view: TroubleshootView;
  show(view?: TroubleshootView): void;
  hide(): void;
}

export const useTroubleshoot = create<TroubleshootState>((set) => ({
  open: false,
  view: 'troubleshoot',
  show: (view = 'troubleshoot') => set({ open: true, view }),
  hide: () => set({ open: false, view: 'troubleshoot' }),
}));
