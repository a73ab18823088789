import type { HttpRegistration } from '../functions/edge/registry.js';

export interface RouteMatch {
  registration: HttpRegistration;
  params: Record<string, string>;
}

interface CompiledRoute {
  registration: HttpRegistration;
  pattern: RegExp;
  names: string[];
}

/** Routes as the Functions host matches them: `partners/{partnerId}` binds one path segment. */
export function compileRoutes(registrations: readonly HttpRegistration[]): CompiledRoute[] {
  return registrations.map((registration) => {
    const names: string[] = [];
    const source = registration.route
      .split('/')
      .map((segment) =>
        segment.replace(/\{([^}:?]+)[^}]*\}|[^{}]+/g, (whole, name?: string) => {
          if (name?.startsWith('*')) {
            // A catch-all (`{*path}`) takes the rest of the path, slashes and all.
            names.push(name.slice(1));
            return '(.*)';
          }
          if (name) {
            names.push(name);
            return '([^/]+)';
          }
          return whole.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        }),
      )
      .join('/');
    return { registration, pattern: new RegExp(`^${source}$`, 'i'), names };
  });
}

/** The registration for a path under the route prefix, or why none: unknown path or wrong method. */
export function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  path: string,
): RouteMatch | 'not-found' | 'method-not-allowed' | 'bad-encoding' {
  let pathKnown = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    // The preflight's catch-all matches every path; it makes none of them known to other methods.
    if (route.registration.method !== 'OPTIONS') pathKnown = true;
    if (route.registration.method !== method.toUpperCase()) continue;
    try {
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      return { registration: route.registration, params };
    } catch {
      // `%E0%A4%A`: no id at all, the caller's mistake.
      return 'bad-encoding';
    }
  }
  return pathKnown ? 'method-not-allowed' : 'not-found';
}
