import {
  createServer,
  request,
  Agent,
  type IncomingMessage,
  type ServerResponse,
  type Server
} from 'node:http';
import { Transform } from 'node:stream';
import { jwtVerify } from 'jose';
import { claimsProblem } from '../jwt-claims.ts';
import { isLoopbackPeer } from '../net/loopback.ts';
import { checkApiKey } from './api-keys.ts';
import { MAX_BODY_BYTES, tooLargeMessage } from './body-limit.ts';
import { clientAddress } from './client-address.ts';
import { RequestLog } from './request-log.ts';

export interface GatewayOptions {
  postgrestUrl: string;
  authHandler: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;
  validKeys: string[];
  log: RequestLog;
  /** HS256 secret: bearer tokens for the data API are checked here for aud and iss. */
  jwtSecret: string;
  /** The auth service's issuer, e.g. 'http://127.0.0.1:54321/auth/v1'. */
  authIssuer: string;
  /** Peers whose X-Forwarded-For is believed (the app); everyone else's is replaced. */
  trustedProxies: readonly string[];
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, apikey, content-type, x-client-info, x-supabase-api-version, prefer, range, accept-profile, content-profile',
  'access-control-expose-headers': 'content-range, x-total-count, link, x-supabase-api-version'
};

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
) {
  res.writeHead(status, { 'content-type': 'application/json', ...CORS_HEADERS, ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Answers 413, then drops the connection once the client has had time to read that:
 * closing at once, with the rest of its upload unread, would reset the connection and
 * lose the answer. Meanwhile at most one more MB is taken in, and thrown away.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
  sendJson(res, 413, { code: 'request_too_large', message: tooLargeMessage() });
  const drop = () => req.socket.destroy();
  const timer = setTimeout(drop, 1000);
  timer.unref();
  let extra = 0;
  req.on('data', (chunk: Buffer) => {
    extra += chunk.length;
    if (extra > MAX_BODY_BYTES) drop();
  });
  req.socket.once('close', () => clearTimeout(timer));
}

/** Passes a body on until it passes the limit, then fails (the caller answers 413). */
function bodyLimit(): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, next) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) next(new Error('too large'));
      else next(null, chunk);
    }
  });
}

/**
 * The API gateway on 54321, like Supabase's: `/rest/v1` to PostgREST, `/auth/v1` to the
 * auth service, both behind the apikey check.
 */
export function createGateway(o: GatewayOptions): Server {
  const upstream = new URL(o.postgrestUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });

  const proxyRest = (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    apikey: string,
    done: (s: number) => void
  ) => {
    const headers = { ...req.headers };
    delete headers.host;
    // Supabase's gateway passes the apikey on as the bearer when no user token is sent.
    if (!headers.authorization) headers.authorization = `Bearer ${apikey}`;
    const up = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers, agent },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, { ...upRes.headers, ...CORS_HEADERS });
        upRes.pipe(res);
        done(upRes.statusCode ?? 502);
      }
    );
    up.on('error', () => {
      if (limited.destroyed && tooLarge) return;
      if (!res.headersSent) {
        sendJson(res, 503, {
          message:
            'The data service (PostgREST) is not answering. It may be starting or restarting; try again shortly.'
        });
      } else res.destroy();
      done(503);
    });
    // Chunked bodies have no length to check up front: count them on the way through.
    let tooLarge = false;
    const limited = bodyLimit();
    limited.on('error', () => {
      tooLarge = true;
      up.destroy();
      if (!res.headersSent) refuseTooLarge(req, res);
      else res.destroy();
      done(413);
    });
    req.pipe(limited).pipe(up);
  };

  const secret = new TextEncoder().encode(o.jwtSecret);
  /** Null when the bearer (or the apikey standing in for it) is a JWT this stack issues. */
  const bearerProblem = async (bearer: string): Promise<string | null> => {
    try {
      const { payload } = await jwtVerify(bearer, secret, { algorithms: ['HS256'] });
      return claimsProblem(payload, o.authIssuer);
    } catch {
      // PostgREST itself answers bad signatures and expiry, in its own words.
      return null;
    }
  };

  return createServer((req, res) => {
    void handle(req, res).catch((e: Error) => {
      console.error(`[gateway] ${e.stack ?? e.message}`);
      if (!res.headersSent) sendJson(res, 500, { message: 'The API gateway failed unexpectedly.' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://gateway');
    // One honest address for the services behind: see client-address.ts.
    req.headers['x-forwarded-for'] = clientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      o.trustedProxies
    );
    const requestId = String(req.headers['x-request-id'] ?? '');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    // The request log is for tests on this machine, wherever the gateway listens.
    if (url.pathname === '/__hub/requests' && isLoopbackPeer(req.socket.remoteAddress ?? '')) {
      sendJson(res, 200, o.log.byRequestId(url.searchParams.get('request_id') ?? ''));
      return;
    }
    if (url.pathname === '/' || url.pathname === '/health') {
      sendJson(res, 200, {
        name: 'Network Hub embedded API gateway',
        rest: '/rest/v1',
        auth: '/auth/v1'
      });
      return;
    }
    const service = url.pathname.startsWith('/rest/v1')
      ? 'rest'
      : url.pathname.startsWith('/auth/v1')
        ? 'auth'
        : null;
    if (!service) {
      sendJson(res, 404, { message: `No API at ${url.pathname}. Use /rest/v1 or /auth/v1.` });
      return;
    }
    // Both prefixes ('/rest/v1', '/auth/v1') are eight characters long.
    const rest = url.pathname.slice('/rest/v1'.length) || '/';
    const pathWithQuery = rest + url.search;
    const key = checkApiKey(
      service,
      rest,
      req.headers.apikey as string | undefined,
      url.searchParams.get('apikey'),
      o.validKeys
    );
    const record = (status: number) => {
      if (requestId)
        o.log.add({ requestId, service, method: req.method ?? 'GET', path: pathWithQuery, status });
    };
    if (!key.ok) {
      record(key.status);
      sendJson(res, key.status, { message: key.message });
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      record(413);
      refuseTooLarge(req, res);
      return;
    }
    if (service === 'rest') {
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? key.apikey;
      const problem = bearer ? await bearerProblem(bearer) : null;
      if (problem) {
        record(401);
        sendJson(res, 401, {
          code: 'PGRST301',
          details: null,
          hint: 'Sign in again, or use one of the API keys this stack gave you.',
          message: `JWT refused: ${problem}.`
        });
        return;
      }
      proxyRest(req, res, pathWithQuery, key.apikey, record);
      return;
    }
    for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
    res.once('finish', () => record(res.statusCode));
    o.authHandler(req, res, pathWithQuery).catch((e: Error) => {
      console.error(`[auth] ${e.stack ?? e.message}`);
      if (!res.headersSent)
        sendJson(res, 500, {
          code: 'unexpected_failure',
          message: 'The auth service failed unexpectedly.'
        });
      else res.end();
    });
  }
}
