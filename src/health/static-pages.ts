import { existsSync, readFileSync } from 'node:fs';
import type { Next, Request, Response, Server } from 'restify';
import { dirname, join } from 'node:path';

/** Paths served from pages/ (short HTML files an organisation edits), linked from the manifest. */
const PAGES: Readonly<Record<string, string>> = { '/privacy': 'privacy.html', '/terms': 'terms.html' };

/**
 * The privacy statement and terms of use, read once at start from `dir` (pages/ beside
 * package.json), as restify routes (GET and HEAD, with or without a trailing slash).
 */
export function mountStaticPages(app: Server, dir = join(packageRoot(), 'pages')): void {
  for (const [path, file] of Object.entries(PAGES)) {
    let body: Buffer;
    try {
      body = readFileSync(join(dir, file));
    } catch {
      continue; // A deployment without the file answers 404 for that page.
    }
    const page = (req: Request, res: Response, next: Next): void => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': body.length,
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      next();
    };
    for (const route of [path, `${path}/`]) {
      app.get(route, page);
      app.head(route, page);
    }
  }
}

/** The folder holding package.json, from wherever this file runs (src/ under jest, dist/src/ built). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
