/**
 * The emulator's path matcher: `/a/:param/b` patterns, matched segment by segment, a trailing
 * slash ignored, parameters URL-decoded. Where two patterns match, the one with more literal
 * segments wins (`/common/discovery/instance` over `/:tenantId/...`). Replaces restify's router,
 * whose server pulled in spdy and its two DEP0111 warnings at every sandbox start.
 */
import { badRequest } from './errors';
import type { Route } from './http';

interface CompiledRoute {
  route: Route;
  segments: string[];
  literals: number;
}

export type RouteMatch =
  { kind: 'found'; route: Route; params: Record<string, string> } | { kind: 'method'; allowed: Route['method'][] } | { kind: 'none' };

function split(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('The request URI is not valid: bad percent-encoding.');
  }
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map((route) => {
      const segments = split(route.path);
      return { route, segments, literals: segments.filter((s) => !s.startsWith(':')).length };
    });
  }

  /** Matches a path (no query); throws a 400 EmulatorError for a matched parameter's bad percent-encoding. */
  match(method: string, path: string): RouteMatch {
    const parts = split(path);
    let best: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
    const allowed = new Set<Route['method']>();
    for (const compiled of this.routes) {
      const params = this.paramsOf(compiled.segments, parts);
      if (!params) continue;
      if (compiled.route.method !== method) {
        allowed.add(compiled.route.method);
        continue;
      }
      if (!best || compiled.literals > best.compiled.literals) best = { compiled, params };
    }
    if (best) {
      const params: Record<string, string> = {};
      for (const [name, raw] of Object.entries(best.params)) params[name] = decode(raw);
      return { kind: 'found', route: best.compiled.route, params };
    }
    return allowed.size > 0 ? { kind: 'method', allowed: [...allowed] } : { kind: 'none' };
  }

  private paramsOf(segments: string[], parts: string[]): Record<string, string> | undefined {
    if (segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < segments.length; i++) {
      const pattern = segments[i]!;
      const part = parts[i]!;
      if (pattern.startsWith(':')) {
        if (part === '') return undefined;
        params[pattern.slice(1)] = part;
      } else if (pattern !== part) {
        return undefined;
      }
    }
    return params;
  }
}
