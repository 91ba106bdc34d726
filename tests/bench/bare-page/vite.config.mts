import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer benchmark's bare page, built as the renderer is (vite.config.mts: the React
// plugin, the same target), into artifacts/ (never build/, which electron-builder packages).
// Paths are relative to the repository root, where the benchmark runs.
export default defineConfig({
  root: 'tests/bench/bare-page',
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: '../../../artifacts/bench/bare-page',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
  },
});
