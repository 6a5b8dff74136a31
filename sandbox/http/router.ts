// Route matching as Laravel's router answers it: a match, a 405 naming the supported methods, or a 404
// naming the path. GET routes answer HEAD too; a trailing slash is ignored.

export interface Route<H> {
  methods: readonly string[];
  /** '/api/clients/{id}' */
  template: string;
  handler: H;
}

export type RouteMatch<H> =
  | { kind: 'found'; route: Route<H>; params: string[] }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

const compiled = new WeakMap<object, RegExp>();

function pattern(route: Route<unknown>): RegExp {
  let re = compiled.get(route);
  if (!re) {
    const source = route.template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('([^/]+)');
    re = new RegExp(`^${source}$`);
    compiled.set(route, re);
  }
  return re;
}

export function allowedMethods(route: Route<unknown>): string[] {
  return route.methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));
}

/** A malformed escape stays as written (it then simply matches no record). */
function decodeParam(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

export function matchRoute<H>(routes: readonly Route<H>[], method: string, path: string): RouteMatch<H> {
  const allowed: string[] = [];
  for (const route of routes) {
    const m = pattern(route).exec(path);
    if (!m) continue;
    const methods = allowedMethods(route);
    if (methods.includes(method)) return { kind: 'found', route, params: m.slice(1).map(decodeParam) };
    allowed.push(...methods.filter((x) => !allowed.includes(x)));
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}
