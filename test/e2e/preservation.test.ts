/**
 * The command line's output over a workbook full of user-made parts (styles, validation, names,
 * comments, a picture, a chart, a pivot table) is a workbook LibreOffice opens: it loads it,
 * recalculates, saves it again, and the user's sheets and the add-in's outputs read back.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { FileHost } from '../../src/hosts/file/fileHost';
import { userWorkbook } from '../hosts/fileHostUserParts';
import { recalculateWithLibreOffice, sofficePath } from './support/libreoffice';

const haveLibreOffice = sofficePath() !== undefined;

(haveLibreOffice ? describe : describe.skip)('LibreOffice opens what salary-structure run wrote over a user workbook', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-preserve-e2e-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads it, and the user sheets and the outputs read back', async () => {
    const input = path.join(dir, 'client.xlsx');
    const output = path.join(dir, 'client-out.xlsx');
    fs.writeFileSync(input, (await userWorkbook()).bytes);
    expect(await main(['run', input, '-o', output], () => undefined, () => undefined)).toBe(0);
    const written = await FileHost.open(output);
    const userSheets = ['Jobs', 'Market', 'Employees', 'Notes', 'Reserve Pivot'];
    const before = await written.readSheets(userSheets);

    const reopened = FileHost.fromBytes(recalculateWithLibreOffice(new Uint8Array(fs.readFileSync(output)), 'client-out.xlsx'));
    const sheets = (await reopened.listSheets()).map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining([...userSheets, 'Pay Structure', 'Merit Plan']));
    const after = await reopened.readSheets(userSheets);
    expect(after.get('Notes')?.rows.slice(0, 5)).toEqual(before.get('Notes')?.rows.slice(0, 5));
    expect(after.get('Employees')?.rows.length).toBe(before.get('Employees')?.rows.length);
    expect(after.get('Jobs')?.rows).toEqual(before.get('Jobs')?.rows);
  });
});
