import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';

/** Paths served from pages/ (short HTML files an organisation edits), linked from the manifest. */
const PAGES: Readonly<Record<string, string>> = { '/privacy': 'privacy.html', '/terms': 'terms.html' };

/**
 * The privacy statement and terms of use, read once at start from `dir` (pages/ beside
 * package.json). A handler over node:http: true when it answered the request.
 */
export function createStaticPages(dir = join(packageRoot(), 'pages')): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const bodies = new Map<string, Buffer>();
  for (const [path, file] of Object.entries(PAGES)) {
    try {
      bodies.set(path, readFileSync(join(dir, file)));
    } catch {
      // A deployment without the file answers 404 for that page, as before.
    }
  }
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '') || '/';
    const body = bodies.get(path);
    if (!body || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

/** The folder holding package.json, from wherever this file runs (src/ under ts-jest, dist/src/ built). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
