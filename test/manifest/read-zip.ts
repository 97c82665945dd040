/** Test helper: every entry of a zip file as name -> bytes, read with yauzl (not the writer). */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { readFileSync } from 'node:fs';

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(readFileSync(file), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: Entry) => {
        readEntry(zip, entry)
          .then((data) => {
            entries.set(entry.fileName, data);
            zip.readEntry();
          })
          .catch(reject);
      });
      zip.readEntry();
    });
  });
}
