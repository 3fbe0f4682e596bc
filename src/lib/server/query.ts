// The one way a load reads its query string: page numbers, slugs and filter values.
// Anything we do not recognise is ignored (no filter), never an error page.
import { isSlug } from '../../params/slug.ts';

/** Rows a list page shows. */
export const PAGE_SIZE = 25;
/** The highest page number asked for; beyond it PostgREST would scan for nothing. */
export const MAX_PAGE = 10_000;

const value = (url: URL, name: string) => url.searchParams.get(name)?.trim() ?? '';

/** A 1-based page number; junk and values below 1 become 1, values past the cap the cap. */
export function pageParam(url: URL, name = 'page'): number {
  const n = Number(value(url, name));
  if (!Number.isInteger(n) || n < 1) return 1;
  return Math.min(n, MAX_PAGE);
}

/** How many pages `total` rows fill (at least one, so "page 1 of 1" reads right). */
export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A slug (a workstream, outcome, organisation...), or undefined when it cannot be one. */
export function slugParam(url: URL, name: string): string | undefined {
  const slug = value(url, name);
  return isSlug(slug) ? slug : undefined;
}

/** One of `allowed`, or undefined. */
export function choiceParam<T extends string>(
  url: URL,
  name: string,
  allowed: readonly T[]
): T | undefined {
  const choice = value(url, name);
  return allowed.find((a) => a === choice);
}

/** Free text for a search box: letters, digits, spaces and name punctuation, 100 at most. */
export function textParam(url: URL, name: string): string | undefined {
  const text = value(url, name)
    .replace(/[^\p{L}\p{N} '’&.,()-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return text || undefined;
}
