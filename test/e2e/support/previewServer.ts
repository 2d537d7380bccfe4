import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../../..');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml', '.json': 'application/json' };

/**
 * The production build in a fresh temporary folder, served on 127.0.0.1 (files of that folder only,
 * no caching); `onRequest` sees each path asked for.
 */
export async function buildAndServe(prefix: string, onRequest?: (pathname: string) => void): Promise<{ dist: string; server: http.Server; origin: string }> {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', dist], { cwd: ROOT, stdio: 'pipe' });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    onRequest?.(url.pathname);
    const file = path.join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { dist, server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Debian's headless Chromium, with nothing that would reach the network on its own. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
