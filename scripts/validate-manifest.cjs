#!/usr/bin/env node
/**
 * Checks manifest.xml offline:
 *   1. the XML schema (xmllint against the Office schemas in ../shared/manifest-schemas, or the
 *      directory in MANIFEST_SCHEMAS);
 *   2. the project's own rules: every resid resolves to a resource of the right kind; every URL is
 *      https and served by the add-in itself (no external domains, no AppDomains); every icon is a
 *      PNG under assets/ of the size the manifest declares; every page is one the build produces;
 *      the only permission is ReadWriteDocument.
 *
 *   node scripts/validate-manifest.cjs [manifest.xml]
 *
 * Exits 1 listing every problem. test/manifest/manifest.test.ts runs the same checks in jest.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { DOMParser } = require('@xmldom/xmldom');

const ROOT = path.resolve(__dirname, '..');
const SCHEMA_FILE = 'OfficeAppManifestV1_1.xsd';
const BT_NS = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const ALLOWED_PERMISSION = 'ReadWriteDocument';

/** Which resource collection a resid must point into, by the referring element's name. */
const RESID_KIND = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

/** Elements whose DefaultValue (and Override Value) is a URL. */
const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Image', 'Url']);

/** Pixel size Office expects of the top-level icons; ribbon images declare theirs in `size`. */
const TOP_LEVEL_ICON_SIZE = { IconUrl: 32, HighResolutionIconUrl: 64 };

function schemaDirectory(root = ROOT, env = process.env) {
  return env.MANIFEST_SCHEMAS ? path.resolve(env.MANIFEST_SCHEMAS) : path.resolve(root, '..', 'shared', 'manifest-schemas');
}

/** The xmllint executable, or null when it is not installed. */
function findXmllint() {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return probe.error ? null : 'xmllint';
}

/** Schema validation. Returns problems (empty when valid); xmllint must be installed. */
function runXmllint(manifestPath, schemasDir = schemaDirectory()) {
  const schema = path.join(schemasDir, SCHEMA_FILE);
  if (!fs.existsSync(schema)) {
    return [`schema not found: ${schema} (set MANIFEST_SCHEMAS to the directory holding ${SCHEMA_FILE})`];
  }
  if (!findXmllint()) {
    return ['xmllint not found: install it (Debian/Ubuntu: apt-get install libxml2-utils) to validate against the schema'];
  }
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, manifestPath], { encoding: 'utf8' });
  if (run.status === 0) return [];
  const output = `${run.stderr}${run.stdout}`.trim();
  return [`schema validation failed (xmllint exit ${run.status}):\n${output}`];
}

/** Pages the build emits (HtmlWebpackPlugin's outputs), as webpack.config.js declares them. */
function builtPages(root = ROOT) {
  return require(path.join(root, 'webpack.config.js')).pages;
}

function elements(node) {
  const found = [];
  const walk = (n) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) {
        found.push(c);
        walk(c);
      }
    }
  };
  walk(node);
  return found;
}

function where(el) {
  return `<${el.tagName}> (line ${el.lineNumber})`;
}

/** Width and height of a PNG, or null when the bytes are not a PNG. */
function pngSize(bytes) {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return null;
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The project's own rules. `root` holds assets/; `pages` are the HTML files the build emits.
 * Returns { errors, warnings, stats }.
 */
function checkManifest(xml, { root = ROOT, pages = ['taskpane.html'] } = {}) {
  const errors = [];
  const warnings = [];
  let doc;
  try {
    doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(message); } })
      .parseFromString(xml, 'text/xml');
  } catch (e) {
    return { errors: [`not well-formed XML: ${e.message}`], warnings, stats: {} };
  }
  const all = elements(doc);
  const named = (localName) => all.filter((el) => el.localName === localName);

  // Resources, by kind.
  const resources = new Map(); // id -> { kind, el }
  const used = new Set();
  for (const el of all) {
    if (el.namespaceURI !== BT_NS || !['Image', 'Url', 'String'].includes(el.localName)) continue;
    const parent = el.parentNode;
    if (!parent || parent.namespaceURI !== BT_NS) continue; // a bt:Image inside <Icon> is a reference
    const id = el.getAttribute('id');
    if (!id) continue;
    if (resources.has(id)) errors.push(`resource id "${id}" is defined twice (${where(el)})`);
    else resources.set(id, { kind: parent.localName, el });
  }

  // Every resid resolves, to the right kind of resource.
  for (const el of all) {
    if (!el.hasAttribute('resid')) continue;
    const resid = el.getAttribute('resid');
    const expected = RESID_KIND[el.localName];
    const resource = resources.get(resid);
    used.add(resid);
    if (!resource) {
      errors.push(`resid "${resid}" on ${where(el)} is not defined in <Resources>`);
    } else if (expected && resource.kind !== expected) {
      errors.push(`resid "${resid}" on ${where(el)} must name a bt:${expected} entry, but it is in bt:${resource.kind}`);
    }
  }
  // Ribbon images declare their pixel size where they are referenced: <bt:Image size="16" resid="…"/>.
  const referencedSizes = new Map(); // resid -> Set of sizes
  for (const el of all) {
    if (el.namespaceURI === BT_NS && el.localName === 'Image' && el.hasAttribute('resid') && el.hasAttribute('size')) {
      const sizes = referencedSizes.get(el.getAttribute('resid')) || new Set();
      sizes.add(Number(el.getAttribute('size')));
      referencedSizes.set(el.getAttribute('resid'), sizes);
    }
  }
  for (const [id, sizes] of referencedSizes) {
    if (sizes.size > 1) errors.push(`image "${id}" is used at sizes ${[...sizes].join(' and ')}; each size needs its own image`);
  }

  for (const [id, { el }] of resources) {
    if (!used.has(id)) warnings.push(`resource "${id}" (${where(el)}) is never referenced`);
  }

  // The add-in's origin is the task pane's; every URL must be https on that origin.
  const sourceLocation = all.find((el) => el.localName === 'SourceLocation' && el.hasAttribute('DefaultValue'));
  let origin = null;
  if (!sourceLocation) errors.push('no <DefaultSettings><SourceLocation DefaultValue="…"/> found');
  else {
    try {
      origin = new URL(sourceLocation.getAttribute('DefaultValue')).origin;
    } catch {
      errors.push(`SourceLocation "${sourceLocation.getAttribute('DefaultValue')}" is not an absolute URL`);
    }
  }

  const urls = []; // { url, el, owner }
  for (const el of all) {
    if (URL_ELEMENTS.has(el.localName) && el.hasAttribute('DefaultValue')) {
      urls.push({ value: el.getAttribute('DefaultValue'), el, owner: el });
      for (const override of elements(el).filter((o) => o.localName === 'Override' && o.hasAttribute('Value'))) {
        urls.push({ value: override.getAttribute('Value'), el: override, owner: el });
      }
    }
  }
  // Anything else that looks like a URL (text or attribute) must be https too.
  for (const el of all) {
    for (let i = 0; i < el.attributes.length; i++) {
      const attr = el.attributes.item(i);
      if (attr.name === 'xmlns' || attr.prefix === 'xmlns' || attr.namespaceURI === XSI_NS) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attr.value) && !/^https:\/\//i.test(attr.value)) {
        if (!urls.some((u) => u.el === el && u.value === attr.value)) {
          errors.push(`${attr.name}="${attr.value}" on ${where(el)} is not an https URL`);
        }
      }
    }
    const text = el.childNodes.length === 1 && el.firstChild.nodeType === 3 ? el.firstChild.data.trim() : '';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^https:\/\//i.test(text)) {
      errors.push(`${where(el)} holds "${text}", which is not an https URL`);
    }
  }

  const assetsDir = path.join(root, 'assets');
  let icons = 0;
  for (const { value, el, owner } of urls) {
    let url;
    try {
      url = new URL(value);
    } catch {
      errors.push(`"${value}" on ${where(el)} is not an absolute URL`);
      continue;
    }
    if (url.protocol !== 'https:') {
      errors.push(`"${value}" on ${where(el)} must use https`);
      continue;
    }
    if (origin && url.origin !== origin) {
      errors.push(`"${value}" on ${where(el)} is outside the add-in's origin ${origin} (no external domains)`);
      continue;
    }
    const local = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const isIcon = owner.localName === 'Image' || owner.localName in TOP_LEVEL_ICON_SIZE;
    if (isIcon) {
      icons++;
      if (!local.startsWith('assets/')) {
        errors.push(`icon "${value}" on ${where(el)} must be served from /assets/`);
        continue;
      }
      const file = path.join(root, ...local.split('/'));
      if (!fs.existsSync(file)) {
        errors.push(`icon "${value}" on ${where(el)}: ${path.relative(root, file)} does not exist`);
        continue;
      }
      const size = pngSize(fs.readFileSync(file));
      const expected =
        owner.localName === 'Image'
          ? [...(referencedSizes.get(owner.getAttribute('id')) || [])][0]
          : TOP_LEVEL_ICON_SIZE[owner.localName];
      if (!size) errors.push(`icon ${path.relative(root, file)} (${where(el)}) is not a PNG`);
      else if (expected && (size.width !== expected || size.height !== expected)) {
        errors.push(`icon ${path.relative(root, file)} is ${size.width}×${size.height}, but ${where(el)} needs ${expected}×${expected}`);
      }
    } else if (local.startsWith('assets/')) {
      if (!fs.existsSync(path.join(root, ...local.split('/')))) {
        errors.push(`"${value}" on ${where(el)}: ${local} does not exist`);
      }
    } else if (!pages.includes(local)) {
      errors.push(`"${value}" on ${where(el)}: the build emits no ${local || '/'} (pages: ${pages.join(', ')})`);
    }
  }
  if (!fs.existsSync(assetsDir)) errors.push(`assets directory not found: ${assetsDir}`);

  // Permissions: ReadWriteDocument, nothing else.
  const permissions = named('Permissions').map((el) => el.textContent.trim());
  if (permissions.length !== 1 || permissions[0] !== ALLOWED_PERMISSION) {
    errors.push(`<Permissions> must be exactly ${ALLOWED_PERMISSION}, found ${permissions.length ? permissions.join(', ') : 'none'}`);
  }

  // No AppDomains: the add-in navigates nowhere else.
  for (const el of named('AppDomains')) {
    const domains = elements(el).map((d) => d.textContent.trim());
    errors.push(`${where(el)} must be absent (the add-in uses no external domains)${domains.length ? `: ${domains.join(', ')}` : ''}`);
  }

  return { errors, warnings, stats: { resources: resources.size, urls: urls.length, icons } };
}

function main(argv) {
  const manifestPath = path.resolve(argv[0] || path.join(ROOT, 'manifest.xml'));
  const label = path.relative(process.cwd(), manifestPath) || manifestPath;
  if (!fs.existsSync(manifestPath)) {
    console.error(`${label}: not found`);
    return 1;
  }
  const schemaProblems = runXmllint(manifestPath);
  let pages;
  try {
    pages = builtPages(ROOT);
  } catch (e) {
    console.error(`${label}: could not read the pages the build emits from webpack.config.js: ${e.message}`);
    return 1;
  }
  const { errors, warnings, stats } = checkManifest(fs.readFileSync(manifestPath, 'utf8'), { root: ROOT, pages });
  for (const w of warnings) console.warn(`${label}: warning: ${w}`);
  const problems = [...schemaProblems, ...errors];
  if (problems.length) {
    for (const p of problems) console.error(`${label}: ${p}`);
    console.error(`${label}: ${problems.length} problem(s)`);
    return 1;
  }
  console.log(
    `${label}: valid (schema ${path.join(path.relative(process.cwd(), schemaDirectory()), SCHEMA_FILE)}; ` +
      `${stats.resources} resources resolve, ${stats.urls} https URLs on the add-in origin, ${stats.icons} icons found)`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { checkManifest, runXmllint, findXmllint, schemaDirectory, builtPages, pngSize, ROOT };
