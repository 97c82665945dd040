/**
 * Writes the app package. yazl (by the author of yauzl, no native code, two small dependencies)
 * streams a standard deflate zip; entries get a fixed date so the same inputs give the same
 * bytes. The zip is written beside the target and renamed, so a failed run never leaves half a
 * package where Teams could be given it.
 */
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ZipFile } from 'yazl';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

export async function writeZip(file: string, entries: readonly ZipEntry[]): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { mtime: FIXED_DATE, mode: 0o100644 });
  zip.end();
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(partial);
      out.on('error', reject);
      out.on('close', resolve);
      zip.outputStream.on('error', reject);
      zip.outputStream.pipe(out);
    });
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}
