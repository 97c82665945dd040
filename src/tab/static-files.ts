/** Serves the built tab (a flat folder of a few files) with types and headers fit for Teams. */
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/**
 * `relative` under `root` ('' or a trailing '/' means index.html). Anything outside the folder,
 * hidden, or of an unknown type is a 404; nothing about the file system is told.
 */
export async function readStatic(root: string, relative: string, headers: Record<string, string>): Promise<StaticFile> {
  const notFound: StaticFile = { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  let name: string;
  try {
    name = decodeURIComponent(relative);
  } catch {
    return notFound;
  }
  if (name === '' || name.endsWith('/')) name += 'index.html';
  const base = resolve(root);
  const path = resolve(join(base, name));
  const type = TYPES[extname(path).toLowerCase()];
  if (!type || !path.startsWith(base + sep) || name.split('/').some((part) => part.startsWith('.'))) return notFound;
  try {
    const body = await readFile(path);
    return { status: 200, headers: { ...headers, 'Content-Type': type, 'Cache-Control': 'no-cache' }, body };
  } catch {
    return notFound;
  }
}
