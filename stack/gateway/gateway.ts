import {
  createServer,
  request,
  Agent,
  type IncomingMessage,
  type ServerResponse,
  type Server
} from 'node:http';
import { checkApiKey } from './api-keys.ts';
import { RequestLog } from './request-log.ts';

export interface GatewayOptions {
  postgrestUrl: string;
  authHandler: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;
  validKeys: string[];
  log: RequestLog;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, apikey, content-type, x-client-info, x-supabase-api-version, prefer, range, accept-profile, content-profile',
  'access-control-expose-headers': 'content-range, x-total-count, link, x-supabase-api-version'
};

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', ...CORS_HEADERS });
  res.end(JSON.stringify(body));
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
      if (!res.headersSent) {
        sendJson(res, 503, {
          message:
            'The data service (PostgREST) is not answering. It may be starting or restarting; try again shortly.'
        });
      } else res.destroy();
      done(503);
    });
    req.pipe(up);
  };

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const requestId = String(req.headers['x-request-id'] ?? '');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    if (url.pathname === '/__hub/requests') {
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
    if (service === 'rest') {
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
  });
}
