import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BODY_BYTES, tooLargeMessage } from '../gateway/body-limit.ts';

// Request/response helpers and GoTrue's two error shapes.

/** An expected failure: becomes a 4xx (or 429) response in GoTrue's error shape. */
export class AuthError extends Error {
  status: number;
  code: string;
  extra: Record<string, unknown>;
  headers: Record<string, string>;
  constructor(
    status: number,
    code: string,
    message: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {}
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
    this.headers = headers;
  }
}

export const API_VERSION = '2024-01-01';

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, X-Client-Info, X-Supabase-Api-Version, apikey',
  'Access-Control-Expose-Headers': 'X-Total-Count, Link, X-Supabase-Api-Version, x-sb-error-code'
};

function wantsApiVersion(req: IncomingMessage): boolean {
  return req.headers['x-supabase-api-version'] === API_VERSION;
}

function baseHeaders(req: IncomingMessage): Record<string, string> {
  const h: Record<string, string> = { ...CORS_HEADERS };
  if (wantsApiVersion(req)) h['X-Supabase-Api-Version'] = API_VERSION;
  return h;
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...baseHeaders(req),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers
  });
  res.end(text);
}

export function sendEmpty(req: IncomingMessage, res: ServerResponse, status: number): void {
  res.writeHead(status, baseHeaders(req));
  res.end();
}

export function redirect(req: IncomingMessage, res: ServerResponse, location: string): void {
  res.writeHead(303, { ...baseHeaders(req), Location: location });
  res.end();
}

/**
 * With `X-Supabase-Api-Version: 2024-01-01` the body is `{code, message}` and the header
 * is echoed with `x-sb-error-code`; without it, the legacy `{code: status, error_code, msg}`.
 */
export function sendError(req: IncomingMessage, res: ServerResponse, err: AuthError): void {
  if (wantsApiVersion(req)) {
    sendJson(
      req,
      res,
      err.status,
      { code: err.code, message: err.message, ...err.extra },
      { 'x-sb-error-code': err.code, ...err.headers }
    );
  } else {
    sendJson(
      req,
      res,
      err.status,
      { code: err.status, error_code: err.code, msg: err.message, ...err.extra },
      err.headers
    );
  }
}

/** Reads a JSON object body. Empty body is `{}`; anything else that is not an object is 400. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AuthError(413, 'request_too_large', tooLargeMessage());
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new AuthError(
      400,
      'bad_json',
      `Could not parse request body as JSON: ${(e as Error).message}`
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new AuthError(
      400,
      'bad_json',
      'Could not parse request body as JSON: expected an object.'
    );
  return parsed as Record<string, unknown>;
}

/** A string field or undefined (numbers and other types are treated as absent). */
export function str(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * The client's address. The gateway in front has already replaced X-Forwarded-For with
 * the one address it vouches for (gateway/client-address.ts), so its first entry is it.
 */
export function clientIp(req: IncomingMessage): string {
  const fwd = req.headers['x-forwarded-for'];
  const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
  return first || (req.socket.remoteAddress ?? 'unknown');
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1] : undefined;
}

export const isUuid = (s: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** The longest address auth.users.email (varchar 255) holds. */
export const MAX_EMAIL_LENGTH = 255;

/**
 * One `@`, something before it, a dot inside the part after it, no whitespace. Checked
 * by hand in one pass: the earlier pattern backtracked quadratically on long input.
 * Callers check the length first (emailProblem).
 */
export function isEmail(s: string): boolean {
  if (s.length > MAX_EMAIL_LENGTH || /\s/.test(s)) return false;
  const at = s.indexOf('@');
  if (at < 1 || at !== s.lastIndexOf('@')) return false;
  const domain = s.slice(at + 1);
  const dot = domain.indexOf('.', 1);
  return dot > 0 && dot < domain.length - 1;
}

/** Why an address is refused, length first so no pattern ever sees a long input. */
export function emailProblem(s: string): AuthError | null {
  if (s.length > MAX_EMAIL_LENGTH)
    return new AuthError(
      422,
      'validation_failed',
      `That email address is too long: it has ${s.length} characters and at most ${MAX_EMAIL_LENGTH} are allowed. Check it and try again.`
    );
  if (!isEmail(s))
    return new AuthError(
      400,
      'validation_failed',
      'Unable to validate email address: invalid format'
    );
  return null;
}
