import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every relative link of README.md and docs/*.md reaches a file of the repository, and a
 * `#fragment` into a Markdown file names one of its headings (GitHub's anchors). Links to
 * other hosts are not followed.
 */

const files = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

/** The Markdown links of a text, outside fenced code blocks and inline code. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1]!)));
}

describe('links of README.md and docs/', () => {
  it('finds the documents', () => {
    expect(files).toContain('docs/deploy.md');
    expect(files.length).toBeGreaterThan(2);
  });

  for (const file of files) {
    it(`${file}: every relative link reaches a file, and every #fragment a heading`, () => {
      const broken: string[] = [];
      for (const link of links(readFileSync(file, 'utf8'))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
        const [path = '', fragment] = link.split('#');
        const target = path ? normalize(join(dirname(file), decodeURI(path))) : file;
        if (!existsSync(target)) broken.push(`${link}: no file ${target}`);
        else if (fragment && target.endsWith('.md') && !anchors(target).has(fragment)) broken.push(`${link}: no heading #${fragment} in ${target}`);
      }
      expect(broken).toEqual([]);
    });
  }
});
