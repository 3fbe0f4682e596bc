/** The address of page `page` of a list, keeping its filters (`?page=` left off for page 1). */
export function pageHref(url: { pathname: string; search: string }, page: number): string {
  const query = new URLSearchParams(url.search);
  if (page <= 1) query.delete('page');
  else query.set('page', String(page));
  const text = query.toString();
  return text ? `${url.pathname}?${text}` : url.pathname;
}
