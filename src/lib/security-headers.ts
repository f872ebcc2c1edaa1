import { backendFromEnv, LOCAL_BACKEND_URL, type BackendSettings } from '../schema/decap';

/**
 * The HTTP security headers of the site, declared once. Used by the build (dist/_headers,
 * src/build/integration.ts), by the static server of `npm start` and the tests (which reads
 * dist/_headers) and by the nginx snippet of docs/deploy.md (nginxSnippet, checked by a unit
 * test). Two policies: the public site, which runs only script files of its own origin, and
 * the CMS admin under /admin/, which Decap CMS needs looser.
 */

export type Directives = Record<string, string[]>;

/** Serialises directives into a policy string, in declaration order. */
export function serializeCsp(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * The public site: scripts, styles, images, fonts, fetches and workers from the site itself
 * only. No inline script or style (Astro emits both as files: inlineStylesheets 'never',
 * assetsInlineLimit 0); JSON-LD blocks are data, not scripts. 'wasm-unsafe-eval' lets
 * Pagefind compile its WebAssembly (in its worker and on the main thread), and allows no
 * eval() of JavaScript. data: images are Pagefind's placeholders.
 */
export const publicCspDirectives: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'media-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Default API of each Git backend of Decap CMS when CMS_API_ROOT is not set. */
const defaultApiRoot: Record<Exclude<BackendSettings['name'], 'proxy'>, string> = {
  github: 'https://api.github.com',
  gitlab: 'https://gitlab.com/api/v4',
  gitea: 'https://try.gitea.io/api/v1',
};

/** Default OAuth server of GitLab (PKCE exchanges its code for a token with fetch). */
const defaultBaseUrl: Partial<Record<BackendSettings['name'], string>> = { gitlab: 'https://gitlab.com' };

function origin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The hosts the admin fetches from: the local decap-server (local_backend, tried on
 * localhost) and, with a Git backend, that backend's API; with GitLab or Gitea (PKCE) also the
 * OAuth server, which the browser asks for the token. GitHub's sign-in is a popup to the
 * OAuth proxy (a navigation, not a fetch).
 */
export function adminConnectSources(backend: BackendSettings): string[] {
  const sources = ["'self'", origin(LOCAL_BACKEND_URL)!];
  if (backend.name === 'proxy') {
    const proxy = origin(backend.proxy_url);
    if (proxy) sources.push(proxy);
  } else {
    sources.push(origin(backend.api_root ?? defaultApiRoot[backend.name])!);
    if (backend.name !== 'github') {
      const oauth = origin(backend.base_url ?? defaultBaseUrl[backend.name]);
      if (oauth) sources.push(oauth);
    }
  }
  return [...new Set(sources)];
}

/**
 * The CMS admin (Decap CMS): its bundle is a file of the site, but Decap validates its config
 * with ajv, which compiles the JSON schema with new Function() ('unsafe-eval': without it the
 * admin stops at "Error compiling schema"); emotion (its CSS-in-JS)
 * injects <style> elements and style attributes, so styles need 'unsafe-inline'; the media
 * library shows uploads as blob: and data: URLs; the preview pane is an iframe of the page
 * itself (about:srcdoc inherits this policy).
 */
export function adminCspDirectives(backend: BackendSettings): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-eval'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': adminConnectSources(backend),
    'worker-src': ["'self'"],
    'media-src': ["'self'", 'blob:'],
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * Browser features the site never uses are switched off; the CMS editor may write to the
 * clipboard (clipboard-write=(self)); full screen stays available to the site itself.
 */
export const permissionsPolicy = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'clipboard-write=(self)',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'interest-cohort=()',
  'browsing-topics=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** Headers of every response (site and admin). */
export const commonHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': permissionsPolicy,
};

export interface HeaderRule {
  /** Netlify / Cloudflare Pages path pattern ("/*", "/admin/*"). */
  path: string;
  headers: Record<string, string>;
  /** Headers of a broader rule this one drops first (Cloudflare Pages "! Name" lines). */
  detach?: string[];
}

/** The rules, broadest first: the admin's policy replaces the site's under /admin/. */
export function headerRules(env: Record<string, string | undefined> = process.env): HeaderRule[] {
  const backend = backendFromEnv(env);
  return [
    {
      path: '/*',
      headers: { 'Content-Security-Policy': serializeCsp(publicCspDirectives), ...commonHeaders },
    },
    {
      path: '/admin/*',
      detach: ['Content-Security-Policy'],
      headers: { 'Content-Security-Policy': serializeCsp(adminCspDirectives(backend)) },
    },
  ];
}

/**
 * dist/_headers. Cloudflare Pages joins the values of a header set by two matching rules, so
 * the admin rule first detaches the site's policy ("! Content-Security-Policy"); Netlify lets
 * the later rule's value win and does not know that line, so `netlify: true` (set from
 * NETLIFY=true, which Netlify's build sets) leaves it out.
 */
export function headersFile(rules: HeaderRule[], { netlify = false } = {}): string {
  const blocks = rules.map((rule) => {
    const lines = [rule.path];
    if (!netlify) for (const name of rule.detach ?? []) lines.push(`  ! ${name}`);
    for (const [name, value] of Object.entries(rule.headers)) lines.push(`  ${name}: ${value}`);
    return lines.join('\n');
  });
  return `# Generated by src/build/integration.ts from src/lib/security-headers.ts. Do not edit.\n${blocks.join('\n\n')}\n`;
}

const nginxQuote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

function nginxAddHeaders(headers: Record<string, string>, indent: string): string[] {
  return Object.entries(headers).map(([name, value]) => `${indent}add_header ${name} ${nginxQuote(value)} always;`);
}

/**
 * The same headers for nginx, plus each locale's "not found" page. nginx drops inherited
 * add_header directives in a location that has its own, so every location repeats the full set.
 */
export function nginxSnippet(locales: readonly string[], env: Record<string, string | undefined> = process.env): string {
  const [site, admin] = headerRules(env) as [HeaderRule, HeaderRule];
  const adminHeaders = { ...site.headers, ...admin.headers };
  const out = [
    '# Generated from src/lib/security-headers.ts (nginxSnippet). Inside server { … }; root is dist/.',
    'root /var/www/cittc/dist;',
    'index index.html;',
    'absolute_redirect off;',
    '',
    ...nginxAddHeaders(site.headers, ''),
    '',
    'location / {',
    '    try_files $uri $uri/ =404;',
    '}',
    'error_page 404 /404.html;',
  ];
  for (const locale of locales) {
    out.push(
      '',
      `location /${locale}/ {`,
      '    try_files $uri $uri/ =404;',
      `    error_page 404 /${locale}/404/index.html;`,
      ...nginxAddHeaders(site.headers, '    '),
      '}',
    );
  }
  out.push(
    '',
    'location /admin/ {',
    '    try_files $uri $uri/ =404;',
    ...nginxAddHeaders(adminHeaders, '    '),
    '}',
    '',
    '# Hashed assets never change.',
    'location /_astro/ {',
    '    expires 1y;',
    '    add_header Cache-Control "public, immutable" always;',
    ...nginxAddHeaders(site.headers, '    '),
    '}',
  );
  return `${out.join('\n')}\n`;
}
