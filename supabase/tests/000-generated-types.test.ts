import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTypes, typesFile } from '../../scripts/db-types.ts';

describe('generated database types', () => {
  it('match the migrations (run `npm run db:types` when this fails)', async () => {
    const fresh = await generateTypes();
    expect(readFileSync(typesFile, 'utf8')).toBe(fresh);
  });
});
