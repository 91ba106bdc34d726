/**
 * Whether the troubleshooter is showing. It opens over any step (top bar button, Welcome's
 * "Something stopped working") and closes back to the same step.
 */
import { create } from 'zustand';

interface TroubleshootState {
  open: boolean;
  show(): void;
  hide(): void;
}

export const useTroubleshoot = create<TroubleshootState>((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));
