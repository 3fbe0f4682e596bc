// Page weight, data API round trips and server time of the hub's pages, on the demo data
// or (--large) on the large seed, as a visitor and as a steering member. Time is reported
// as a multiple of the app's cheapest response (a static file), so the figure means the
// same on a fast or a slow machine. Needs a built app (`npm run build`). Asserts nothing.
//
//   npx node bench/pages.ts                       # demo data
//   npx node bench/pages.ts --large [--scale 1]   # the large seed (about 2 minutes to load)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startBenchStack, median } from './_stack.ts';
import { pickSamples, signInCookie } from './_session.ts';
import { connectPg } from '../stack/db/pg.ts';
import { seedLarge } from '../scripts/seed-large.ts';

const args = process.argv.slice(2);
const large = args.includes('--large');
const scaleArg = args.indexOf('--scale');
const scale = scaleArg >= 0 ? Number(args[scaleArg + 1]) : 1;
const rounds = 9;

const stack = await startBenchStack(large ? ['--no-seed'] : []);
try {
  const sql = connectPg(stack.dbUrl, 2);
  let seedSeconds: number | undefined;
  if (large) {
    const t0 = performance.now();
    await seedLarge(sql, { seed: 42, scale });
    seedSeconds = +((performance.now() - t0) / 1000).toFixed(1);
  }
  await sql.close();
  const { steeringEmail, workstream, commitment, output, event } = await pickSamples(stack.dbUrl);
  const cookie = await signInCookie(stack, steeringEmail);

  const measure = async (path: string, withCookie: boolean) => {
    const times: number[] = [];
    let bytes = 0;
    let status = 0;
    let restCalls = 0;
    for (let i = 0; i < rounds; i++) {
      const id = randomUUID();
      const t0 = performance.now();
      const res = await fetch(stack.appUrl + path, {
        headers: { 'x-request-id': id, ...(withCookie ? { cookie } : {}) },
        redirect: 'manual'
      });
      const body = await res.arrayBuffer();
      times.push(performance.now() - t0);
      bytes = body.byteLength;
      status = res.status;
      const log = (await (
        await fetch(`${stack.apiUrl}/__hub/requests?request_id=${id}`)
      ).json()) as { service: string }[];
      restCalls = log.filter((r) => r.service === 'rest').length;
    }
    return {
      path,
      as: withCookie ? 'steering member' : 'visitor',
      status,
      bytes,
      restCalls,
      medianMs: +median(times).toFixed(1)
    };
  };

  const baseline = await measure('/robots.txt', false);
  const visitorPages = [
    '/',
    '/workstreams',
    `/workstreams/${workstream}`,
    '/commitments',
    `/commitments/${commitment}`,
    '/outputs',
    `/outputs/${output}`,
    '/patterns',
    '/events',
    `/events/${event}`
  ];
  const steeringPages = ['/me', '/commitments', '/steering', '/steering/digest'];
  const results = [];
  for (const p of visitorPages) results.push(await measure(p, false));
  for (const p of steeringPages) results.push(await measure(p, true));
  const pages = results.map((r) => ({
    ...r,
    timesBaseline: +(r.medianMs / baseline.medianMs).toFixed(1)
  }));
  const name = large ? 'pages-large' : 'pages';
  const report = {
    when: new Date().toISOString(),
    data: large ? `large seed, scale ${scale}` : 'demo seed',
    seedSeconds,
    rounds,
    baseline,
    pages
  };
  writeFileSync(
    join(import.meta.dirname, 'results', `${name}.json`),
    JSON.stringify(report, null, 2)
  );
  console.log(`${report.data}; baseline ${baseline.path} ${baseline.medianMs} ms`);
  for (const r of pages) {
    console.log(
      `${r.path.padEnd(48)} ${r.as.padEnd(16)} HTTP ${r.status}  ${(r.bytes / 1024).toFixed(1).padStart(7)} KiB  ${String(r.restCalls).padStart(2)} API calls  ×${r.timesBaseline} baseline`
    );
  }
} finally {
  await stack.stop();
}
