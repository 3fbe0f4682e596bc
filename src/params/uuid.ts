// A UUID in its canonical text form (any version); junk ids 404 before any data is read.
export const isUuid = (param: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(param);
