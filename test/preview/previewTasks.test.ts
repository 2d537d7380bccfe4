/**
 * The preview's workbook splits its synchronous work into tasks, so a 10,000-employee run leaves the
 * page free to paint and take input between them (issue 7, item 3; measured end to end in
 * test/e2e/responsiveness.test.ts). Here: the answers are the memory host's own, and the page does
 * get its turns (a timer queued before a read or write runs before it finishes).
 */
import { MemoryHost } from '../../src/hosts/memory';
import { formatAt, parseFormats } from '../../src/preview/cellDisplay';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { runPipeline } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import { sixJobSheets } from '../support/smallWorkbook';

/** Whether a timer queued now fires before `work` settles, i.e. whether `work` gave the event loop a turn. */
async function yields<T>(work: () => Promise<T>): Promise<{ value: T; yielded: boolean }> {
  let fired = false;
  setTimeout(() => (fired = true), 0);
  const value = await work();
  return { value, yielded: fired };
}

describe('the preview workbook, task by task', () => {
  test('reads large sheets in separate tasks, with the memory host’s own grids', async () => {
    const sample = sampleUpdate({ employees: 3000 });
    const workbook = PreviewWorkbook.sample(3000);
    const names = ['Jobs', 'Employees', 'Appraisal', 'Market'];
    const { value, yielded } = await yields(() => workbook.readSheets(names));
    expect(yielded).toBe(true);
    expect(value).toEqual(await MemoryHost.fromSheetSpecs(sample.sheets, sample.names).readSheets(names));
    expect([...value.keys()]).toEqual(names);
  });

  test('reads a small workbook in one go', async () => {
    const workbook = new PreviewWorkbook(new MemoryHost(sixJobSheets()));
    const { value, yielded } = await yields(() => workbook.readSheets(['Jobs', 'Market', 'Employees', 'Nope']));
    expect(yielded).toBe(false);
    expect([...value.keys()]).toEqual(['Jobs', 'Market', 'Employees']);
  });

  test('writes in a task of its own, then tells the viewer once, with the outputs in place', async () => {
    const workbook = new PreviewWorkbook(new MemoryHost(sixJobSheets()));
    const seen: string[][] = [];
    workbook.subscribe(() => seen.push(workbook.sheets().filter((s) => s.owned).map((s) => s.name)));
    const { value: run, yielded } = await yields(() => runPipeline(workbook));
    expect(run.ok).toBe(true);
    expect(yielded).toBe(true);
    expect(seen).toEqual([run.report!.written.map((w) => w.sheet)]);
  });
});

test('formats parsed once give each cell the format the ranges give it', async () => {
  const workbook = new PreviewWorkbook(new MemoryHost(sixJobSheets()));
  await runPipeline(workbook);
  const sheet = workbook.sheets().reduce((a, b) => ((b.formats?.length ?? 0) > (a.formats?.length ?? 0) ? b : a));
  expect(sheet.formats!.length).toBeGreaterThan(3);
  const parsed = parseFormats(sheet.formats);
  const formats = new Set<string>();
  for (let row = 1; row <= 20; row++)
    for (let col = 1; col <= 20; col++) {
      expect(formatAt(parsed, row, col)).toBe(formatAt(sheet.formats, row, col));
      formats.add(formatAt(parsed, row, col));
    }
  expect(formats.size).toBeGreaterThan(2);
  expect(formatAt(parseFormats([{ range: 'B2:C9', format: '0%' }, { range: 'C3', format: '0.0' }]), 3, 3)).toBe('0.0');
  expect(formatAt(parseFormats([{ range: 'B2:C9', format: '0%' }]), 10, 2)).toBe('General');
});
