import { z } from 'zod';

/**
 * Caps on what can be searched for. The database's search() refuses the same (see
 * supabase/migrations/20261201000100_search_input_caps.sql; 006-search.test.ts checks
 * they agree): checked here first so the message sits next to the search box.
 */
export const SEARCH_MAX_CHARACTERS = 200;
export const SEARCH_MAX_WORDS = 12;

const words = (text: string) => text.split(/\s+/).filter((word) => word !== '').length;

export const searchSchema = z.object({
  q: z
    .string()
    // Length before anything that walks the text, so a huge input is refused cheaply.
    .max(SEARCH_MAX_CHARACTERS, `Search for ${SEARCH_MAX_CHARACTERS} characters or fewer`)
    .transform((text) => text.trim())
    .pipe(
      z
        .string()
        .min(1, 'Enter what you are looking for')
        .refine(
          (text) => words(text) <= SEARCH_MAX_WORDS,
          `Search for ${SEARCH_MAX_WORDS} words or fewer`
        )
    )
});
