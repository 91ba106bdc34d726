import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicyMeta } from './electron/common/content-security';
import { startNamespaces } from './renderer/i18n/start-namespaces';

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
        // One chunk per language and namespace, fetched when in use; the English words of the
        // first screen (renderer/i18n/start-namespaces.ts) stay in the app chunk.
        manualChunks(id: string) {
          const [, language, namespace] = /\/locales\/([\w-]+)\/([\w-]+)\.json$/.exec(id) ?? [];
          if (!language || !namespace) return undefined;
          const atStart = language === 'en' && startNamespaces.some((name) => name === namespace);
          return atStart ? undefined : `locale-${language}-${namespace}`;
        },
      },
    },
  },
});
