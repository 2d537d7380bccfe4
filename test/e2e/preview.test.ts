/**
 * The browser preview end to end: a production build served from 127.0.0.1, headless Debian
 * Chromium driven by playwright-core. The flow of the task pane on a new workbook: load the sample →
 * build the structure → run the checks → write; the output sheets and the key numbers must appear,
 * with no console error and no request beyond the page's own origin. Screenshots go to
 * test-artifacts/preview/.
 */
import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launchChromium } from './support/previewServer';
import { FileHost } from '../../src/hosts/file';
import { MemoryHost } from '../../src/hosts/memory';
import { runPipeline, type RunSummary } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'preview');

let dist: string;
let server: http.Server;
let origin: string;
let browser: Browser;
let page: Page;
const served: string[] = [];
const requested: string[] = [];
const consoleErrors: string[] = [];
/** Every console message of the page, whatever its level. */
const consoleAll: string[] = [];
/** The sample's salary figures (base salaries, grade minimums, midpoints and maximums). */
const salaryFigures = new Set<number>();
let expected: RunSummary;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  ({ dist, server, origin } = await buildAndServe('salary-structure-preview-', (p) => served.push(p)));
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
    consoleAll.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.on('request', (req) => requested.push(req.url()));
  context.on('request', (req) => requested.push(req.url()));

  // What the pipeline makes of the same sample, to compare the page's numbers with.
  const sample = sampleUpdate();
  const run = await runPipeline(MemoryHost.fromSheetSpecs(sample.sheets, sample.names));
  if (!run.ok || !run.summary) throw new Error(`the sample does not build: ${run.problems.map((p) => p.message).join('; ')}`);
  expected = run.summary;
  const employees = sample.sheets.find((sh) => sh.name === 'Employees')!.cells;
  const salaryColumn = employees[0].indexOf('Base Salary');
  if (salaryColumn < 0) throw new Error('the sample has no Base Salary column');
  for (const row of employees.slice(1)) if (typeof row[salaryColumn] === 'number') salaryFigures.add(row[salaryColumn] as number);
  for (const g of expected.grades) for (const v of [g.minimum, g.midpoint, g.maximum]) salaryFigures.add(v);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
const pane = () => page.getByRole('complementary', { name: 'Task pane' });
const viewer = () => page.getByRole('region', { name: 'Workbook' });
const status = () => pane().getByRole('status');

test('walks the flow from a new workbook to written outputs', async () => {
  await page.goto(`${origin}/preview.html?blank`);
  await page.getByRole('heading', { name: 'Salary Structure', level: 1 }).waitFor();
  // A new workbook: the required inputs are missing, and the sample can be loaded.
  await pane().getByText('missing').first().waitFor();
  await status().filter({ hasText: /^Found 2 errors/ }).waitFor();
  await shot('01-new-workbook');

  await pane().getByRole('button', { name: 'Load sample' }).click();
  await status().filter({ hasText: 'Loaded the sample workbook' }).waitFor();
  for (const sheet of ['Jobs', 'Market', 'Employees', 'Appraisal', 'Assumptions']) await viewer().getByRole('tab', { name: sheet, exact: true }).waitFor();
  await shot('02-sample-loaded');

  await pane().getByRole('tab', { name: 'Structure' }).click();
  await pane().getByRole('button', { name: 'Build structure' }).click();
  await status().filter({ hasText: /^Built \d+ grades/ }).waitFor();
  const cards = pane().getByRole('list', { name: 'Structure summary' });
  await cards.getByRole('listitem', { name: `Grades: ${expected.grades.length}` }).waitFor();
  await cards.getByRole('listitem', { name: `R²: ${expected.payLine!.r2.toFixed(4)}` }).waitFor();
  await cards.getByRole('listitem', { name: `Employees: ${expected.counts.employees.toLocaleString('en')}` }).waitFor();
  const first = expected.grades[0];
  const firstRow = pane().getByRole('row', { name: new RegExp(`^1 ${first.minimum.toLocaleString('en')} ${first.midpoint.toLocaleString('en')} ${first.maximum.toLocaleString('en')}`) });
  await firstRow.waitFor();
  await pane().getByRole('img', { name: /Salary ranges by grade/ }).waitFor();
  await shot('03-structure-built');

  await pane().getByRole('tab', { name: 'Checks' }).click();
  await pane().getByRole('button', { name: 'Run checks' }).click();
  await status().filter({ hasText: /^Checks done/ }).waitFor();
  await pane().getByRole('heading', { name: 'Consistency' }).waitFor();
  await pane().getByRole('rowheader', { name: /Midpoint progression/ }).waitFor();
  await shot('04-checks');
  const equity = pane().getByRole('group', { name: 'Pay equity' });
  await equity.getByRole('listitem', { name: /^Mean gap: / }).waitFor();
  await equity.scrollIntoViewIfNeeded();
  await shot('04-pay-equity');

  // Merit: the matrix calibrated to the budget, the figures the pipeline gives for the same sample.
  await pane().getByRole('tab', { name: 'Merit' }).click();
  const merit = pane().getByRole('list', { name: 'Merit calibration' });
  const m = expected.merit!;
  await merit.getByRole('listitem', { name: `Budget: ${Math.round(m.budget).toLocaleString('en')}` }).waitFor();
  await merit.getByRole('listitem', { name: `Scale factor: ${m.factor.toFixed(4)}` }).waitFor();
  await pane().getByRole('heading', { name: 'Rating distribution' }).waitFor();
  await shot('04-merit');

  await pane().getByRole('tab', { name: 'Write' }).click();
  await pane().getByRole('button', { name: 'Write to workbook' }).click();
  await status().filter({ hasText: /^Wrote / }).waitFor();
  for (const sheet of ['Market Analysis', 'Pay Structure', 'Job Slotting']) await viewer().getByRole('tab', { name: `${sheet} ◆` }).waitFor();

  // The written Pay Structure holds the engine's numbers, grade by grade, as live formulas.
  await viewer().getByRole('tab', { name: 'Pay Structure ◆' }).click();
  const grid = viewer().getByRole('table', { name: 'Sheet Pay Structure' });
  const gradeRow = grid.getByRole('row', { name: new RegExp(`^2 1 `) });
  for (const value of [first.minimum, first.midpoint, first.maximum]) await gradeRow.getByRole('cell', { name: value.toLocaleString('en'), exact: true }).first().waitFor();
  await gradeRow.getByRole('cell', { name: first.midpoint.toLocaleString('en'), exact: true }).first().click();
  await page.getByTestId('formula').filter({ hasText: /^=/ }).waitFor();
  await shot('05-written');

  // The download is the workbook as .xlsx, its outputs marked as the add-in's own.
  const [download] = await Promise.all([page.waitForEvent('download'), viewer().getByRole('button', { name: 'Download .xlsx' }).click()]);
  const saved = path.join(ARTIFACTS, 'preview.xlsx');
  await download.saveAs(saved);
  const file = FileHost.fromBytes(new Uint8Array(fs.readFileSync(saved)));
  const sheets = await file.listSheets();
  expect(sheets.filter((s) => s.owned).map((s) => s.name)).toEqual(expect.arrayContaining(['Market Analysis', 'Pay Structure', 'Job Slotting', 'Placement', 'Merit Matrix', 'Merit Plan', 'Budget']));
  expect(sheets.find((s) => s.name === 'Employees')?.owned).toBe(false);

  expect(consoleErrors).toEqual([]);
  // Privacy (SECURITY.md): no salary figure reaches the console, written plainly or with separators.
  expect(salaryFigures.size).toBeGreaterThan(100);
  const leaked = consoleAll.filter((text) => (text.match(/\d[\d,.\u00a0 ]*\d/g) ?? []).some((n) => salaryFigures.has(Number(n.replace(/[,\u00a0 ]/g, '')))));
  expect(leaked).toEqual([]);
  const foreign = requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith(`blob:${origin}/`) && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
  // The engine ran in its worker, served by the page's own origin.
  expect(served.some((p) => /salary-structure-engine\.[0-9a-f]+\.js$/.test(p))).toBe(true);
  expect(served).not.toContain('/office-js/office.js');
});

test('opens on the sample workbook, ready to build', async () => {
  await page.goto(`${origin}/preview.html`);
  await pane().getByRole('tab', { name: 'Data' }).waitFor();
  await viewer().getByRole('tab', { name: 'Employees', exact: true }).waitFor();
  await pane().getByText(/Employees: [\d,]+ rows/).waitFor();
  expect(await pane().getByRole('button', { name: 'Load sample' }).isDisabled()).toBe(true);
  expect(consoleErrors).toEqual([]);
});
