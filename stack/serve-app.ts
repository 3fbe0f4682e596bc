// Serves the built app (adapter-node's handler) for the embedded stack. adapter-node 6
// no longer reads ORIGIN: without a protocol header it assumes https, and SvelteKit then
// refuses every form post as cross-site. Here the protocol is known (SITE_URL), so it is
// stated on each request. Behind a real proxy, run `node build` with PROTOCOL_HEADER and
// HOST_HEADER instead (see README).
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const protocol = new URL(process.env.SITE_URL ?? `http://${host}:${port}`).protocol.replace(
  ':',
  ''
);
process.env.PROTOCOL_HEADER = 'x-forwarded-proto';

const { handler } = await import(pathToFileURL(join(process.cwd(), 'build', 'handler.js')).href);

const server = createServer((req, res) => {
  req.headers['x-forwarded-proto'] = protocol;
  handler(req, res, () => {
    res.statusCode = 404;
    res.end('Not found');
  });
});
server.listen(port, host);

const stop = () => {
  server.closeIdleConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
