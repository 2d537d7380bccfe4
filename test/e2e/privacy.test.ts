import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Salary data never leaves the workbook: the production bundles (task pane, engine worker, preview)
 * contain no network API and no external address. The URLs that remain are XML namespace names
 * (identifiers, never fetched) and the text of React's minified error messages.
 */
const ALLOWED_URL = [
  /^http:\/\/www\.w3\.org\//,
  /^http:\/\/schemas\.openxmlformats\.org\//,
  /^http:\/\/purl\.oclc\.org\/ooxml\//,
  /^https:\/\/reactjs\.org\/docs\/error-decoder\.html/,
];
const NETWORK_API = /\bfetch\s*\(|XMLHttpRequest|\bWebSocket\b|sendBeacon|EventSource|importScripts\s*\(\s*["']https?:/;

describe('privacy of the production bundle', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-privacy-'));
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', dir], { stdio: 'pipe', timeout: 240_000 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const bundles = () => fs.readdirSync(dir).filter((f) => f.endsWith('.js'));

  it('builds the task pane, the engine worker and the preview', () => {
    const names = bundles();
    expect(names.some((f) => f.startsWith('taskpane.'))).toBe(true);
    expect(names.some((f) => f.startsWith('salary-structure-engine.'))).toBe(true);
    expect(names.some((f) => f.startsWith('preview.'))).toBe(true);
  });

  it('uses no network API (fetch, XMLHttpRequest, WebSocket, sendBeacon, EventSource)', () => {
    // The scan would see one: a bundle line that calls fetch is caught.
    expect(NETWORK_API.test('e.exports=function(t){return fetch (t)}')).toBe(true);
    const found = bundles().flatMap((f) => {
      const m = NETWORK_API.exec(fs.readFileSync(path.join(dir, f), 'utf8'));
      return m ? [`${f}: ${m[0]}`] : [];
    });
    expect(found).toEqual([]);
  });

  it('names no external address beyond XML namespaces and React error texts', () => {
    const found = bundles().flatMap((f) =>
      [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/https?:\/\/[A-Za-z0-9.-]+[^\s"'`)]*/g)]
        .map((m) => m[0])
        .filter((url) => !ALLOWED_URL.some((re) => re.test(url)))
        .map((url) => `${f}: ${url}`),
    );
    expect(found).toEqual([]);
  });

  it('the task pane page loads scripts only from its own origin, under a Content-Security-Policy', () => {
    const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
    // The production page is minified: attribute quotes are optional.
    const csp = /<meta[^>]+http-equiv="?Content-Security-Policy"?[^>]+content="([^"]+)"/i.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'/);
    const scripts = [...html.matchAll(/<script[^>]+src="?([^" >]+)/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src).not.toMatch(/^(https?:)?\/\//);
  });
});
