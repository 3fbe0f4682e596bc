// Lower-case words joined by single hyphens, as the database's slug checks allow; anything
// else is not a page we could have, so it 404s before any data is read.
export const isSlug = (param: string): boolean =>
  param.length <= 100 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(param);
