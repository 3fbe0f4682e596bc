import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Markdown is rendered on the server (src/lib/server/markdown.ts): the browser gets HTML,
// never the libraries. Reads the built client chunks (global setup builds the app first);
// minified code keeps these strings, which each library has and nothing of ours does.
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

  it('has JavaScript chunks to look in', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const [library, signature] of Object.entries(SIGNATURES)) {
    it(`ships no ${library} to the browser`, () => {
      const shipping = files.filter((f) => readFileSync(f, 'utf8').includes(signature));
      expect(shipping).toEqual([]);
    });
  }
});
