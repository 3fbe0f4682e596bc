import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hub } from './hub.ts';

// Pages are rendered on the server only (csr = false, docs/decisions/2026-12-01-server-
// rendered-pages-without-client-javascript.md) and markdown with them
// (src/lib/server/markdown.ts): the browser gets HTML, never the libraries. Reads the built
// client chunks (global setup builds the app first) and a page as served; minified code
// keeps these strings, which each library has and nothing of ours does.
const CLIENT_DIR = 'build/client';
const SIGNATURES = {
  marked: 'github.com/markedjs/marked',
  'sanitize-html': 'allowedSchemesAppliedToAttributes',
  postcss: 'CssSyntaxError'
};

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith('.js'))
    .map((f) => join(f.parentPath, f.name));
}

describe('the client build', () => {
  const files = scripts(CLIENT_DIR);

  it('has no JavaScript for the browser at all', () => {
    expect(files).toEqual([]);
  });

  it('serves pages without a script tag, markdown pages included', async () => {
    for (const path of [
      '/',
      '/outputs/essex-content-style-guide',
      '/workstreams',
      '/sign-in',
      '/events/localgovcamp-north'
    ]) {
      const html = await (await fetch(new URL(path, hub().appUrl))).text();
      expect(html, path).toContain('</html>');
      // Structured data (schema.org JSON-LD) is a data block the browser never runs.
      const code = html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '');
      expect(code, path).not.toMatch(/<script\b/i);
    }
  });

  it('puts an event’s schema.org data in a JSON block that cannot close its element', async () => {
    const html = await (await fetch(new URL('/events/localgovcamp-north', hub().appUrl))).text();
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]![1]!)).toMatchObject({
      '@type': 'Event',
      name: 'LocalGovCamp North'
    });
  });

  for (const [library, signature] of Object.entries(SIGNATURES)) {
    it(`ships no ${library} to the browser`, () => {
      const shipping = files.filter((f) => readFileSync(f, 'utf8').includes(signature));
      expect(shipping).toEqual([]);
    });
  }
});
