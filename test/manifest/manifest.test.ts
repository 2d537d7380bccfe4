import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The checks live in the script that `npm run validate` runs; the test loads the very same code.
interface ManifestReport {
  errors: string[];
  warnings: string[];
  stats: { resources?: number; urls?: number; icons?: number };
}
interface ManifestChecks {
  ROOT: string;
  checkManifest(xml: string, options?: { root?: string; pages?: string[] }): ManifestReport;
  runXmllint(manifestPath: string, schemasDir?: string): string[];
  findXmllint(): string | null;
  schemaDirectory(): string;
  builtPages(root?: string): string[];
}
const checks = createRequire(__filename)('../../scripts/validate-manifest.cjs') as ManifestChecks;

const manifestPath = path.join(checks.ROOT, 'manifest.xml');
const manifest = readFileSync(manifestPath, 'utf8');
const PAGES = checks.builtPages();
const check = (xml: string) => checks.checkManifest(xml, { root: checks.ROOT, pages: PAGES });

describe('manifest.xml', () => {
  // CI installs libxml2-utils; only a developer machine without it skips the schema.
  const xmllint = checks.findXmllint();
  const schemaTest = xmllint || process.env.CI ? test : test.skip;
  schemaTest(`validates against the Office schemas${xmllint ? '' : ' (xmllint not installed)'}`, () => {
    expect(checks.runXmllint(manifestPath, checks.schemaDirectory())).toEqual([]);
  });

  test("passes the project's own checks", () => {
    const report = check(manifest);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.stats.icons).toBeGreaterThanOrEqual(5);
  });

  test('points at the page the webpack build emits', () => {
    expect(checks.builtPages()).toContain('taskpane.html');
  });

  test('asks for ExcelApi 1.7 in Excel (Workbook) only', () => {
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\/>/);
    expect(manifest.match(/<Host Name="(\w+)"\/>/g)).toEqual(['<Host Name="Workbook"/>']);
  });
});

describe('the manifest checks catch', () => {
  const broken = (from: string | RegExp, to: string) => {
    const xml = manifest.replace(from, to);
    expect(xml).not.toBe(manifest);
    return check(xml).errors.join('\n');
  };

  test('a resid that names no resource', () => {
    expect(broken('resid="Group.Label"', 'resid="Group.Missing"')).toMatch(/resid "Group.Missing" .* not defined/);
  });

  test('a resid that names the wrong kind of resource', () => {
    expect(broken('<Label resid="Group.Label"/>', '<Label resid="OpenButton.Tooltip"/>')).toMatch(/must name a bt:ShortStrings entry/);
  });

  test('an http URL', () => {
    expect(broken('https://localhost:3000/assets/icon-80.png', 'http://localhost:3000/assets/icon-80.png')).toMatch(/must use https/);
  });

  test('a URL on another domain', () => {
    expect(broken('https://localhost:3000/assets/support.html', 'https://example.com/help')).toMatch(/outside the add-in's origin/);
  });

  test('an icon that is missing from assets/', () => {
    expect(broken('assets/icon-80.png', 'assets/icon-81.png')).toMatch(/assets\/icon-81\.png does not exist/);
  });

  test('an icon of the wrong size', () => {
    expect(broken('DefaultValue="https://localhost:3000/assets/icon-16.png"', 'DefaultValue="https://localhost:3000/assets/icon-32.png"')).toMatch(
      /is 32×32, but .* needs 16×16/,
    );
  });

  test('a page the build does not emit', () => {
    expect(broken(/taskpane\.html/g, 'task-pane.html')).toMatch(/the build emits no task-pane\.html/);
  });

  test('any permission but ReadWriteDocument', () => {
    expect(broken('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteMailbox</Permissions>')).toMatch(
      /must be exactly ReadWriteDocument/,
    );
  });

  test('AppDomains', () => {
    expect(broken('<Hosts>', '<AppDomains><AppDomain>https://example.com</AppDomain></AppDomains><Hosts>')).toMatch(/AppDomains.* must be absent/);
  });

  test('XML that is not well formed', () => {
    expect(broken('</OfficeApp>', '')).toMatch(/not well-formed/);
  });
});
