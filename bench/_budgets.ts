// JavaScript and CSS a page downloads, from the build's manifests: the route's nodes
// (layouts and page) in the server manifest, then Vite's client manifest followed
// transitively from the client entries and those nodes. Sizes are gzipped (level 9).
// With client rendering off everywhere (`csr = false`) Kit builds no client JavaScript and
// no client manifest: pages then load only their nodes' stylesheets.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type ClientManifest = Record<string, ManifestChunk>;

const NODE_KEY = (i: number) => `.svelte-kit/generated/build/client-optimized/nodes/${i}.js`;

/** Kit's client entries by chunk name (their keys depend on where node_modules is). */
function entryKey(manifest: ClientManifest, name: 'entry/start' | 'entry/app'): string {
  const key = Object.keys(manifest).find((k) => manifest[k]!.isEntry && manifest[k]!.name === name);
  if (!key) throw new Error(`The client manifest has no ${name} entry`);
  return key;
}

/**
 * The files (JS and CSS) loaded for `roots`, following static imports. The start entry's
 * dynamic import (Kit's client runtime) is a root too: Kit preloads it on every page.
 */
export function filesFor(manifest: ClientManifest, roots: string[]) {
  const js = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The client manifest has no entry ${key}`);
    if (chunk.file.endsWith('.css')) css.add(chunk.file);
    else js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  for (const r of roots) visit(r);
  return { js: [...js].sort(), css: [...css].sort() };
}

interface ServerRoute {
  id: string;
  page: { layouts: (number | undefined)[]; leaf: number } | null;
}

export interface RouteBudget {
  route: string;
  jsKb: number;
  cssKb: number;
  files: { js: string[]; css: string[] };
}

/** `/workstreams/[slug=slug]` → `/workstreams/[slug]`, as the issue names routes. */
export const routeName = (id: string) => id.replace(/\[(\w+)=\w+\]/g, '[$1]');

/** Budgets of every page route of the build in `.svelte-kit/output` under `root`. */
export async function measureBudgets(root: string): Promise<RouteBudget[]> {
  const out = join(root, '.svelte-kit', 'output');
  const server = (await import(pathToFileURL(join(out, 'server', 'manifest.js')).href)) as {
    manifest: { routes: ServerRoute[] };
  };
  const gz = new Map<string, number>();
  const gzKb = (files: string[]) =>
    +(
      files.reduce((sum, f) => {
        if (!gz.has(f))
          gz.set(f, gzipSync(readFileSync(join(out, 'client', f)), { level: 9 }).length);
        return sum + gz.get(f)!;
      }, 0) / 1024
    ).toFixed(1);
  const pages = server.manifest.routes.filter((r) => r.page);
  const nodesOf = (r: ServerRoute) =>
    [...r.page!.layouts, r.page!.leaf].filter((n) => n !== undefined);

  const manifestFile = join(out, 'client', '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) {
    const stylesheets = async (n: number) =>
      (
        (await import(pathToFileURL(join(out, 'server', 'nodes', `${n}.js`)).href)) as {
          stylesheets: string[];
        }
      ).stylesheets;
    return Promise.all(
      pages.map(async (r) => {
        const css = [...new Set((await Promise.all(nodesOf(r).map(stylesheets))).flat())].sort();
        return { route: routeName(r.id), jsKb: 0, cssKb: gzKb(css), files: { js: [], css } };
      })
    );
  }

  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ClientManifest;
  const start = entryKey(manifest, 'entry/start');
  const runtime = [
    start,
    ...(manifest[start]!.dynamicImports ?? []),
    entryKey(manifest, 'entry/app')
  ];
  return pages.map((r) => {
    const files = filesFor(manifest, [...runtime, ...nodesOf(r).map(NODE_KEY)]);
    return { route: routeName(r.id), jsKb: gzKb(files.js), cssKb: gzKb(files.css), files };
  });
}
