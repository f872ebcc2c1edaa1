import { describe, expect, it } from 'vitest';
import { externalRefsInCss, externalRefsInHtml, externalRefsInJs } from '../../support/external-refs';

// The scanner behind the "nothing from another host" test must itself catch each kind of load.
describe('external reference scanner', () => {
  it('finds every kind of remote load in HTML and ignores plain links', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="https://cdn.example.com/a.css">
      <link rel="preload" href="//fonts.example.com/f.woff2" as="font">
      <link rel="canonical" href="https://partner.example.com/">
      <script src="https://cdn.example.com/x.js"></script>
      <style>@import "https://fonts.example.com/css"; body{background:url(https://img.example.com/b.png)}</style>
      </head><body>
      <img src="/local.png" srcset="/a.png 1x, https://img.example.com/c.png 2x" alt="">
      <div style="background-image: url('https://img.example.com/d.png')"></div>
      <a href="https://www.unibg.it/">UniBg</a>
      <img src="https://self.example.org/e.png" alt="">
    </body></html>`;
    const found = externalRefsInHtml(html, 'x.html', 'https://self.example.org').map((r) => r.url);
    expect(found.sort()).toEqual(
      [
        'https://cdn.example.com/a.css',
        '//fonts.example.com/f.woff2',
        'https://cdn.example.com/x.js',
        'https://fonts.example.com/css',
        'https://img.example.com/b.png',
        'https://img.example.com/c.png',
        'https://img.example.com/d.png',
      ].sort(),
    );
  });

  it('finds remote url() and @import in CSS files and remote imports in JS', () => {
    expect(externalRefsInCss('@import url(https://a.example/x.css); p{}', 'a.css')).toHaveLength(1);
    expect(externalRefsInCss('p{background:url(/img/x.png)}', 'a.css')).toHaveLength(0);
    expect(externalRefsInJs('import x from "https://esm.example/x.js"; import("./y.js")', 'a.js')).toHaveLength(1);
  });
});
