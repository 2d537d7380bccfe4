import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const sofficePath = (): string | undefined =>
  ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((p) => fs.existsSync(p));

/**
 * A copy of an .xlsx with every formula's cached value removed, so whoever opens it must
 * calculate: the values that come back are the spreadsheet's, not ours.
 */
export function stripCachedValues(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]);
    const stripped = xml.replace(/(<c\b[^>]*>)(<f\b[^>]*(?:\/>|>[\s\S]*?<\/f>))<v>[\s\S]*?<\/v>/g, '$1$2').replace(/(<c\b[^>]*?) t="(?:str|b|e|n)"([^>]*>)(?=<f)/g, '$1$2');
    files[name] = strToU8(stripped);
  }
  return zipSync(files);
}

/**
 * LibreOffice profile that recalculates every formula on load (never trusts cached values), with
 * threaded formula-group calculation off: with it on, LibreOffice 7.4 summed a 300-row column of
 * not-yet-calculated formulas as 0 on load.
 */
function profileDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  const user = path.join(dir, 'user');
  fs.mkdirSync(user, { recursive: true });
  const item = (p: string, prop: string, value: string) =>
    `<item oor:path="${p}"><prop oor:name="${prop}" oor:op="fuse"><value>${value}</value></prop></item>`;
  fs.writeFileSync(
    path.join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${item('/org.openoffice.Office.Calc/Formula/Load', 'OOXMLRecalcMode', '0')}
${item('/org.openoffice.Office.Calc/Formula/Load', 'ODFRecalcMode', '0')}
${item('/org.openoffice.Office.Calc/Formula/Calculation', 'UseThreadedCalculationForFormulaGroups', 'false')}
${item('/org.openoffice.Office.Common/Misc', 'UseOpenCL', 'false')}
</oor:items>`,
  );
  return dir;
}

/** Open the workbook in headless LibreOffice, recalculate, save as .xlsx; returns the saved bytes. */
export function recalculateWithLibreOffice(bytes: Uint8Array, name = 'book.xlsx'): Uint8Array {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-recalc-'));
  const inDir = path.join(work, 'in');
  const outDir = path.join(work, 'out');
  fs.mkdirSync(inDir);
  fs.mkdirSync(outDir);
  const input = path.join(inDir, name);
  fs.writeFileSync(input, bytes);
  const profile = profileDir();
  execFileSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nologo', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, input],
    { stdio: 'pipe', timeout: 240_000 },
  );
  const out = path.join(outDir, name);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
  const result = fs.readFileSync(out);
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
  return new Uint8Array(result);
}
