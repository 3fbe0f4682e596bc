// Page weight and server time of the public pages on the demo data, measured against
// the app's cheapest response (a static file) so the result is a ratio that means the
// same on a fast or slow machine. Needs a built app (`npm run build`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBenchStack, median } from './_stack.ts';

const pages = ['/', '/workstreams', '/commitments', '/sign-in'];
const rounds = 15;

const stack = await startBenchStack();
try {
  const time = async (path: string) => {
    const times: number[] = [];
    let bytes = 0;
    let status = 0;
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      const res = await fetch(stack.appUrl + path);
      const body = await res.arrayBuffer();
      times.push(performance.now() - t0);
      bytes = body.byteLength;
      status = res.status;
    }
    return { path, status, bytes, medianMs: median(times) };
  };
  const baseline = await time('/robots.txt');
  const results = [];
  for (const p of pages) {
    const r = await time(p);
    results.push({ ...r, timesBaseline: +(r.medianMs / baseline.medianMs).toFixed(1) });
  }
  const report = { when: new Date().toISOString(), rounds, baseline, pages: results };
  writeFileSync(
    join(import.meta.dirname, 'results', 'pages.json'),
    JSON.stringify(report, null, 2)
  );
  console.log(`baseline ${baseline.path}: ${baseline.medianMs.toFixed(1)} ms`);
  for (const r of results) {
    console.log(
      `${r.path.padEnd(16)} HTTP ${r.status}  ${(r.bytes / 1024).toFixed(1).padStart(6)} KiB  ${r.medianMs.toFixed(1).padStart(7)} ms  ×${r.timesBaseline} baseline`
    );
  }
} finally {
  await stack.stop();
}
