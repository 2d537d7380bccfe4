import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { HostError } from '../host';

/** The only place the file host touches the disk. */

export async function readWorkbookFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new HostError(`No such file: ${file}`, 'file-not-found');
    if (code === 'EACCES' || code === 'EPERM') throw new HostError(`Cannot read ${file}: permission denied.`, 'file-locked');
    throw new HostError(`Cannot read ${file}: ${(e as Error).message}`, 'file-unreadable');
  }
}

/** True when both paths name the same file (same path, or the same inode through links). */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Write through a temporary file in the target's directory, flushed to disk, then rename over the
 * target: readers see the old file or the new one, never half of one, and a failure at any step
 * leaves no temporary file behind. `step`, when given, is called before each step (test seam).
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, step?: (step: string) => void): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    step?.('create temporary file');
    const handle = await fs.open(temp, 'wx');
    let closed = false;
    try {
      step?.('write temporary file');
      await handle.writeFile(bytes);
      step?.('fsync temporary file');
      await handle.sync();
      step?.('close temporary file');
      closed = true;
      await handle.close();
    } finally {
      if (!closed) await handle.close().catch(() => undefined);
    }
    step?.('rename over the target');
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') throw new HostError(`Cannot write ${file}: it is locked or read-only.`, 'file-locked');
    if (code === 'ENOENT') throw new HostError(`Cannot write ${file}: the folder does not exist.`, 'file-not-found');
    throw new HostError(`Cannot write ${file}: ${(e as Error).message}`, 'file-unwritable');
  }
}
