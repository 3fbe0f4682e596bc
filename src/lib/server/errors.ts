/**
 * One error type for everything that goes wrong talking to the data API (PostgREST or
 * the auth service), so pages decide what to show from `kind`, not from driver details.
 */
export type DataErrorKind =
  'unavailable' | 'busy' | 'conflict' | 'not_found' | 'forbidden' | 'invalid' | 'unknown';

export class DataError extends Error {
  readonly kind: DataErrorKind;
  /** HTTP status from the API; 0 when no answer came back at all. */
  readonly status: number;
  /** PostgREST / Postgres / auth error code, when there was one. */
  readonly code: string;
  /** The database's hint (what to do next), when a rule raised one. */
  readonly hint: string;

  constructor(
    kind: DataErrorKind,
    message: string,
    status = 0,
    code = '',
    cause?: unknown,
    hint = ''
  ) {
    super(message, { cause });
    this.name = 'DataError';
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.hint = hint;
  }
}

export const UNAVAILABLE_MESSAGE =
  'The hub’s data service is not responding. Your changes were not saved. Try again in a minute.';

export const BUSY_MESSAGE =
  'The hub is busy and could not finish that in time. Nothing was changed. Try again in a minute.';

/**
 * What to tell a person when the data service is down or too busy to answer (HTTP 503),
 * or null when the error is about the request itself.
 */
export function serviceTroubleMessage(kind: DataErrorKind): string | null {
  if (kind === 'unavailable') return UNAVAILABLE_MESSAGE;
  if (kind === 'busy') return BUSY_MESSAGE;
  return null;
}

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  status?: unknown;
  name?: unknown;
  details?: unknown;
  hint?: unknown;
}

// Gateway and PostgREST answers that mean "the service is down", not "you did it wrong".
const UNAVAILABLE_STATUSES = new Set([0, 502, 503, 504, 520, 521, 522, 523, 524]);
// PGRST000-003: PostgREST cannot reach or use the database.
const UNAVAILABLE_CODES = new Set(['PGRST000', 'PGRST001', 'PGRST002', 'PGRST003']);
const NETWORK_HINTS =
  /fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|socket hang up|network/i;

// 57014: Postgres cancelled the statement (statement_timeout, or a cancel request).
const BUSY_CODES = new Set(['57014']);

function kindFor(status: number, code: string, text: string): DataErrorKind {
  if (BUSY_CODES.has(code)) return 'busy';
  if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_STATUSES.has(status)) return 'unavailable';
  if (status === 0 && NETWORK_HINTS.test(text)) return 'unavailable';
  // A reference to something that does not exist (an outcome removed since the form was
  // shown): PostgREST answers 409, but nothing changed in between: it is bad input.
  if (code === '23503') return 'invalid';
  if (code === 'PT409' || code === '23505' || status === 409) return 'conflict';
  // PGRST103 (HTTP 416): a page past the end of a list; there is no such page.
  if (code === 'PGRST116' || code === 'PGRST205' || code === 'PGRST103' || status === 404) {
    return 'not_found';
  }
  if (code === '42501' || code === 'PGRST301' || status === 401 || status === 403) {
    return 'forbidden';
  }
  if (status === 400 || status === 422 || /^(22|23)/.test(code)) return 'invalid';
  return 'unknown';
}

/**
 * Turns a Supabase error (PostgREST `{message, code, details}` plus the response status,
 * an AuthError with `.status`/`.code`, or a thrown fetch failure) into a DataError.
 */
export function toDataError(error: unknown, status?: number): DataError {
  if (error instanceof DataError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : '';
  const details = typeof e.details === 'string' ? e.details : '';
  const hint = typeof e.hint === 'string' ? e.hint : '';
  const httpStatus =
    typeof status === 'number' ? status : typeof e.status === 'number' ? e.status : 0;
  // A thrown TypeError from fetch, or AuthRetryableFetchError, means nothing answered.
  const name = typeof e.name === 'string' ? e.name : '';
  const noAnswer =
    name === 'AuthRetryableFetchError' ||
    (error instanceof TypeError && NETWORK_HINTS.test(`${message} ${String(error.cause)}`));
  const kind = noAnswer
    ? 'unavailable'
    : kindFor(httpStatus, code, `${message} ${details} ${name}`);
  return new DataError(kind, message, httpStatus, code, error, hint);
}

/** The usual shape of a supabase-js result, for `unwrap` and `unwrapOk`. */
interface Result<T> {
  data: T;
  error: unknown;
  status?: number;
}

/** Throws a DataError when a request failed; for writes that return nothing. */
export function unwrapOk(result: { error: unknown; status?: number }): void {
  if (result.error) throw toDataError(result.error, result.status);
}

/**
 * The data of a supabase-js result, or a DataError: the API's error, or `not_found`
 * (saying `missing`) when no row came back (e.g. `.maybeSingle()` on a row RLS hides).
 */
export function unwrap<T>(result: Result<T>, missing = 'No data came back.'): NonNullable<T> {
  unwrapOk(result);
  if (result.data === null || result.data === undefined) {
    throw new DataError('not_found', missing, 404);
  }
  return result.data;
}
