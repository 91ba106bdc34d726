/** The Content-Security-Policy both shells send with the renderer. No inline script, no eval. */
const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const contentSecurityPolicy = directives.join('; ');

/**
 * The same policy as a <meta> in index.html (the build puts it there), so it holds even if a
 * header were lost, and tools that read only the page (Electronegativity) see it. A meta tag
 * cannot carry frame-ancestors; the header does.
 */
export const contentSecurityPolicyMeta = directives
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
