import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/config/site';
import { externalRefsInCss, externalRefsInHtml, externalRefsInJs, type ExternalRef } from '../support/external-refs';

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

// Visitors in mainland China must get the whole site: nothing may load from another host.
describe('built site (dist/)', () => {
  it('loads no script, stylesheet, font, image or other resource from another host', () => {
    const refs: ExternalRef[] = [];
    let scanned = 0;
    for (const path of files('dist')) {
      const file = relative('dist', path);
      const ext = extname(path);
      if (!['.html', '.css', '.js', '.mjs', '.svg', '.xml'].includes(ext)) continue;
      const text = readFileSync(path, 'utf8');
      scanned++;
      if (ext === '.html' || ext === '.svg') refs.push(...externalRefsInHtml(text, file, siteConfig.url));
      else if (ext === '.css') refs.push(...externalRefsInCss(text, file, siteConfig.url));
      else if (ext === '.js' || ext === '.mjs') refs.push(...externalRefsInJs(text, file));
    }
    expect(scanned).toBeGreaterThan(4);
    expect(refs).toEqual([]);
  });
});
