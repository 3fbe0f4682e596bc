// What a page says about itself to search engines and link previews. Every page's load
// returns these keys (the layout turns them into <meta>, canonical and OpenGraph tags):
//
//   title        the page's own name, e.g. an output's title ("Digital inclusion toolkit");
//                og:title. The <title> element stays in the page (it adds the section and
//                site name). Missing, previews show the site name.
//   ogTitle      optional: og:title when a preview needs more than `title`, e.g. an event's
//                "LocalGovCamp North, Saturday 6 March 2027, 10am to 4pm (UK time)".
//   description  from `...described(text)`: a sentence about the page; meta description
//                and og:description. Missing, the layout's default says what the hub is.
//   ogType       optional `OgType`: 'article' for outputs and patterns, 'website' (the
//                default) for everything else, events included (OpenGraph has no event type).
//
// The layout is the one place that writes og:title, og:description, og:url and og:type; a
// page's <svelte:head> adds only what is its own (an event's JSON-LD), never a second copy.
//
// Canonical and og:url are the configured public origin (SITE_URL) plus the path; of the
// query only `page` is kept, so each page of a list is its own canonical page.

/** Search results show about this many characters of a description. */
const MAX_LENGTH = 160;

/** `{ description }` to spread into a load's data, or nothing when there is no text. */
export function described(text: string | null | undefined): { description?: string } {
  const plain = text?.replace(/\s+/g, ' ').trim();
  if (!plain) return {};
  return {
    description: plain.length > MAX_LENGTH ? `${plain.slice(0, MAX_LENGTH - 1).trimEnd()}…` : plain
  };
}

export const OG_TYPES = ['website', 'article', 'profile'] as const;
export type OgType = (typeof OG_TYPES)[number];

/** The og:type for a page's `ogType`: one OpenGraph knows, else 'website'. */
export function ogTypeOf(value: unknown): OgType {
  return OG_TYPES.find((t) => t === value) ?? 'website';
}

/** The page's canonical URL on the public origin: its path, and `?page=` past the first. */
export function canonicalUrl(
  origin: string,
  url: Pick<URL, 'pathname'> & { searchParams: { get(name: string): string | null } }
): string {
  const canonical = new URL(url.pathname, origin);
  const page = url.searchParams.get('page');
  if (page && /^[1-9]\d{0,5}$/.test(page) && page !== '1') canonical.searchParams.set('page', page);
  return canonical.href;
}
