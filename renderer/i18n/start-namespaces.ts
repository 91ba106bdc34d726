/**
 * The namespaces the first screen needs: the frame and the rail (`common`), Welcome, the top
 * bar's troubleshooter button (`troubleshoot`) and the app's own problems (`app`, main
 * unreachable). Their English is in the start bundle (the fallback, always needed); the build
 * (vite.config.mts) puts every other locale file in a chunk of its own.
 */
export const startNamespaces = ['common', 'welcome', 'troubleshoot', 'app'] as const;
