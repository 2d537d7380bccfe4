/**
 * Builds the task pane (dist/taskpane.html + its bundle, with the engine in a Web Worker chunk), the
 * browser preview (dist/preview.html: the same task pane beside an in-memory workbook, no Office.js),
 * and copies the icons, the manifest and Office.js (from the npm package @microsoft/office-js: no
 * CDN, nothing fetched at build or run time).
 *
 *   npm run build        production bundle in dist/
 *   npm run dev-server   http(s)://localhost:3000 (taskpane.html, preview.html)
 *   npm run preview      the preview on http://localhost:3000/preview.html
 *
 * ADDIN_ORIGIN=https://addin.example.com npm run build  rewrites https://localhost:3000 in the
 * copied manifest, for a deployment served from another origin.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { builtinModules } = require('node:module');

const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const DIST = path.join(ROOT, 'dist');
const DEV_ORIGIN = 'https://localhost:3000';
const PORT = 3000;
const OFFICE_JS = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/** The HTML pages the build emits (scripts/validate-manifest.cjs checks the manifest's URLs against them). */
const PAGES = [
  { filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] },
  { filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] },
];

/** Only Excel loads this add-in: the other hosts' Office.js files are dead weight. */
const OFFICE_JS_IGNORE = [
  '**/access-*', '**/onenote*', '**/outlook*', '**/powerpoint*', '**/project-*', '**/word*',
  '**/*vsdoc*', '**/*.d.ts',
];

/** Node built-ins resolve to nothing in the browser bundle (some packages mention them optionally). */
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));

/**
 * Content-Security-Policy of taskpane.html. office.js runs under script-src 'self' (its one
 * `new Function` probe is wrapped in try/catch and falls back to `window`); Fluent UI's Griffel
 * needs inline styles. The dev server adds its web socket for live reload.
 */
function contentSecurityPolicy(dev) {
  const connect = dev ? `'self' ws://localhost:${PORT} wss://localhost:${PORT}` : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    `connect-src ${connect}`,
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Fails the build when browser code pulls in Node-only code: the file host's Node modules (fileHost,
 * fileSystem, its index), the CLI, or a Node built-in imported from our own sources
 * (resolve.fallback would otherwise stub it out silently). The task pane, which runs inside Excel,
 * must hold no part of the file host and no .xlsx package library at all; only the preview may use
 * the file host's browser-safe package writer, for its download.
 */
class BrowserOnlyGuard {
  apply(compiler) {
    const nodeOnlySource = /[\\/]src[\\/](?:hosts[\\/]file(?:\.[cm]?[jt]sx?$|[\\/](?:fileHost|fileSystem|index)\.[cm]?[jt]sx?$)|cli[\\/])/;
    const notInTaskPane = /[\\/](?:src[\\/]hosts[\\/]file[\\/]|src[\\/]preview[\\/]|node_modules[\\/](?:fflate|saxes|@xmldom|exceljs)[\\/])/;
    const ownSource = path.join(ROOT, 'src') + path.sep;
    const builtins = new Set(NODE_BUILTINS);
    compiler.hooks.compilation.tap('BrowserOnlyGuard', (compilation) => {
      const rel = (m) => (m && m.resource ? path.relative(ROOT, m.resource) : '(entry)');
      compilation.hooks.finishModules.tap('BrowserOnlyGuard', (modules) => {
        for (const module of modules) {
          const resource = module.resource;
          if (!resource) continue;
          if (nodeOnlySource.test(resource)) {
            const issuer = compilation.moduleGraph.getIssuer(module);
            compilation.errors.push(
              new webpack.WebpackError(`Node-only module ${rel(module)} is in the browser bundle (imported by ${rel(issuer)}).`),
            );
          }
          if (!resource.startsWith(ownSource)) continue;
          const requests = new Set(module.dependencies.map((d) => d.request).filter((r) => typeof r === 'string'));
          for (const request of requests) {
            const bare = request.replace(/^node:/, '');
            if (builtins.has(bare) || builtins.has(bare.split('/')[0])) {
              compilation.errors.push(
                new webpack.WebpackError(`${rel(module)} imports the Node built-in '${request}', which does not exist in the task pane.`),
              );
            }
          }
        }
      });
      compilation.hooks.afterChunks.tap('BrowserOnlyGuard', () => {
        const entry = compilation.entrypoints.get('taskpane');
        if (!entry) return;
        const seen = new Set();
        const offending = new Map(); // one report per package or folder
        const visit = (group) => {
          if (seen.has(group)) return;
          seen.add(group);
          for (const chunk of group.chunks) {
            for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              const match = module.resource && notInTaskPane.exec(module.resource);
              if (match && !offending.has(match[0])) offending.set(match[0], module);
            }
          }
          for (const child of group.childrenIterable) visit(child);
        };
        visit(entry);
        for (const module of offending.values()) {
          compilation.errors.push(
            new webpack.WebpackError(`${rel(module)} is in the task pane bundle (imported by ${rel(compilation.moduleGraph.getIssuer(module))}); the task pane must not carry the file host, the preview or .xlsx libraries.`),
          );
        }
      });
    });
  }
}

/**
 * The Office dev certificates (`npx office-addin-dev-certs install`) make the dev server speak
 * https, which Excel requires. They may not be installed here; then the server falls back to plain
 * http (fine for the browser preview and for tests, not for sideloading into Excel).
 */
function devServerProtocol() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  if (!Object.values(paths).every((p) => fs.existsSync(p))) return { type: 'http' };
  return { type: 'https', options: Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)])) };
}

function manifestOrigin() {
  const origin = process.env.ADDIN_ORIGIN;
  if (!origin) return DEV_ORIGIN;
  if (!/^https:\/\/[^/]+$/.test(origin)) {
    throw new Error(`ADDIN_ORIGIN must be an https origin without a path, got "${origin}"`);
  }
  return origin;
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const dev = mode === 'development';
  const origin = manifestOrigin();

  return {
    mode,
    context: ROOT,
    target: ['web', 'es2020'],
    entry: { taskpane: './src/taskpane/index.tsx', preview: './src/preview/index.tsx' },
    output: {
      path: DIST,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    // 'eval' source maps would need script-src 'unsafe-eval'; separate files keep the CSP intact.
    devtool: dev ? 'source-map' : false,
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.mjs'],
      fallback: Object.fromEntries(NODE_BUILTINS.map((m) => [m, false])),
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            // ES modules let webpack tree-shake Fluent UI; tsconfig's noEmit is for `tsc` alone.
            compilerOptions: { module: 'es2020', noEmit: false, sourceMap: dev },
          },
        },
      ],
    },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new BrowserOnlyGuard(),
      ...PAGES.map(
        (page) => new HtmlWebpackPlugin({ ...page, templateParameters: { contentSecurityPolicy: contentSecurityPolicy(dev) } }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              origin === DEV_ORIGIN ? content : content.toString().split(DEV_ORIGIN).join(origin),
          },
          {
            from: OFFICE_JS,
            to: 'office-js',
            globOptions: { ignore: dev ? OFFICE_JS_IGNORE : [...OFFICE_JS_IGNORE, '**/*.debug.js'] },
            info: { minimized: true },
          },
        ],
      }),
    ],
    performance: {
      hints: dev ? false : 'warning', // the development bundle is unminified by design
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith('office-js/'),
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
    devServer: {
      port: PORT,
      // `npm run preview` opens the browser preview (the task pane beside an in-memory workbook).
      open: env.preview ? ['/preview.html'] : false,
      server: devServerProtocol(),
      static: false,
      hot: true,
      headers: { 'Cache-Control': 'no-store' },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

module.exports.pages = PAGES.map((page) => page.filename);
