import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  adminConnectSources,
  adminCspDirectives,
  commonHeaders,
  headerRules,
  headersFile,
  nginxSnippet,
  publicCspDirectives,
  serializeCsp,
} from '../../../src/lib/security-headers';
import { backendFromEnv } from '../../../src/schema/decap';
import { localeKeys } from '../../../src/i18n/locales';
import { headersFor, parseHeaders } from '../../../scripts/serve.mjs';

const publicCsp = serializeCsp(publicCspDirectives);

describe('security headers', () => {
  it('the public policy allows no inline script or style, no eval, no other host', () => {
    expect(publicCsp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(publicCsp).toContain("style-src 'self';");
    for (const d of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "worker-src 'self'"]) {
      expect(publicCsp).toContain(d);
    }
    expect(publicCsp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    expect(commonHeaders['Permissions-Policy']).toMatch(/(^|, )clipboard-write=\(self\)(,|$)/);
    expect(commonHeaders['Permissions-Policy']).toMatch(/camera=\(\).*geolocation=\(\).*interest-cohort=\(\).*microphone=\(\)/);
  });

  it('the admin connects to decap-server and to the configured Git backend only', () => {
    expect(adminConnectSources(backendFromEnv({}))).toEqual(["'self'", 'http://127.0.0.1:8081']);
    expect(adminConnectSources(backendFromEnv({ CMS_BACKEND: 'github', CMS_REPO: 'a/b', CMS_BASE_URL: 'https://auth.example.org' }))).toEqual([
      "'self'",
      'http://127.0.0.1:8081',
      'https://api.github.com',
    ]);
    expect(adminConnectSources(backendFromEnv({ CMS_BACKEND: 'gitlab', CMS_REPO: 'a/b', CMS_AUTH_TYPE: 'pkce' }))).toEqual([
      "'self'",
      'http://127.0.0.1:8081',
      'https://gitlab.com',
    ]);
    const gitea = { CMS_BACKEND: 'gitea', CMS_REPO: 'a/b', CMS_API_ROOT: 'https://git.example.cn/api/v1', CMS_BASE_URL: 'https://git.example.cn' };
    expect(adminConnectSources(backendFromEnv(gitea))).toEqual(["'self'", 'http://127.0.0.1:8081', 'https://git.example.cn']);
    expect(serializeCsp(adminCspDirectives(backendFromEnv(gitea)))).toContain("connect-src 'self' http://127.0.0.1:8081 https://git.example.cn;");
  });

  it('dist/_headers round-trips through the static server, for Cloudflare Pages and for Netlify', () => {
    const rules = headerRules({});
    const adminCsp = rules[1]!.headers['Content-Security-Policy'];
    for (const netlify of [false, true]) {
      const parsed = parseHeaders(headersFile(rules, { netlify }));
      expect(headersFor(parsed, '/zh/events/')).toEqual({ 'Content-Security-Policy': publicCsp, ...commonHeaders });
      expect(headersFor(parsed, '/admin/')).toEqual({ 'Content-Security-Policy': adminCsp, ...commonHeaders });
      expect(headersFile(rules, { netlify }).includes('! Content-Security-Policy')).toBe(!netlify);
    }
  });

  it('docs/deploy.md carries the nginx snippet generated from the module', () => {
    const snippet = nginxSnippet(localeKeys, {});
    expect(readFileSync('docs/deploy.md', 'utf8')).toContain(snippet);
    for (const locale of localeKeys) expect(snippet).toContain(`error_page 404 /${locale}/404/index.html;`);
    expect(snippet).toContain(`add_header Content-Security-Policy "${publicCsp}" always;`);
  });
});
