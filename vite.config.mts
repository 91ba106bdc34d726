import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicyMeta } from './electron/common/content-security';

/** The shells' CSP also as the page's first <meta>, from the one definition. */
const cspMeta: Plugin = {
  name: 'csp-meta',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicyMeta },
      injectTo: 'head-prepend',
    },
  ],
};

// The renderer build, served by both shells from build/renderer.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../assets/web',
  plugins: [react(), cspMeta],
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
