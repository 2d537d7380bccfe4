import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileHost } from '../../src/hosts/file';
import { buildUserWorkbook } from '../fixtures/userWorkbook';
import { fullUpdate, sameBytes } from './xlsxKit';

describe('FileHost files', () => {
  let dir: string;
  let input: string;
  let inputBytes: Uint8Array;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'filehost-'));
    input = path.join(dir, 'client.xlsx');
    inputBytes = buildUserWorkbook();
    await fs.writeFile(input, inputBytes);
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('saves to a new file atomically, leaving no temporary file and the input untouched', async () => {
    const host = await FileHost.open(input);
    await host.write(fullUpdate());
    const output = path.join(dir, 'out.xlsx');
    await host.saveAs(output);
    expect((await fs.readdir(dir)).sort()).toEqual(['client.xlsx', 'out.xlsx']);
    expect(sameBytes(new Uint8Array(await fs.readFile(input)), inputBytes)).toBe(true);
    const reopened = await FileHost.open(output);
    expect((await reopened.listSheets()).map((s) => s.name)).toContain('Pay Structure (2)');
  });

  it('never overwrites the file it was opened from, by the same path or another name for it', async () => {
    const host = await FileHost.open(input);
    await host.write(fullUpdate());
    await expect(host.saveAs(input)).rejects.toMatchObject({ code: 'would-overwrite-input' });
    await expect(host.saveAs(path.join(dir, '.', 'client.xlsx'))).rejects.toMatchObject({ code: 'would-overwrite-input' });
    const link = path.join(dir, 'link.xlsx');
    await fs.symlink(input, link);
    await expect(host.saveAs(link)).rejects.toMatchObject({ code: 'would-overwrite-input' });
    expect(sameBytes(new Uint8Array(await fs.readFile(input)), inputBytes)).toBe(true);
  });

  it('reports missing files and folders as HostErrors', async () => {
    await expect(FileHost.open(path.join(dir, 'missing.xlsx'))).rejects.toMatchObject({ code: 'file-not-found' });
    const host = FileHost.createEmpty();
    await host.write(fullUpdate());
    await expect(host.saveAs(path.join(dir, 'no-such-folder', 'out.xlsx'))).rejects.toMatchObject({ code: 'file-not-found' });
    expect(await fs.readdir(dir)).toEqual(['client.xlsx']);
  });
});
