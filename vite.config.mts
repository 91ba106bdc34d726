import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer build, served by both shells from build/renderer.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../assets/web',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // One chunk per language other than English (which is in the app chunk as the fallback):
        // the page fetches only the language in use.
        manualChunks(id: string) {
          const language = /\/locales\/([\w-]+)\//.exec(id)?.[1];
          return language && language !== 'en' ? `locale-${language}` : undefined;
        },
      },
    },
  },
});
