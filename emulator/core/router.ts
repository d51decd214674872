import type { HttpMethod, RouteDef } from "./plugin.js";

interface Compiled {
  route: RouteDef;
  regex: RegExp;
  names: string[];
  literals: number;
}

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matches ARM path templates. Literal segments compare case-insensitively; more literal segments win. */
export class Router {
  private routes: Compiled[] = [];

  add(route: RouteDef): void {
    const names: string[] = [];
    let literals = 0;
    const pattern = route.path
      .split("/")
      .filter(Boolean)
      .map((seg) => {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (m) {
          names.push(m[1]);
          return "([^/]+)";
        }
        literals++;
        return escape(seg);
      })
      .join("/");
    this.routes.push({ route, regex: new RegExp(`^/${pattern}/?$`, "i"), names, literals });
    this.routes.sort((a, b) => b.literals - a.literals);
  }

  /** Returns the route for method+path, or `allowed` methods when the path matches with another method. */
  match(method: HttpMethod, path: string): RouteMatch | { allowed: HttpMethod[] } | undefined {
    const allowed: HttpMethod[] = [];
    for (const c of this.routes) {
      const m = c.regex.exec(path);
      if (!m) continue;
      if (c.route.method !== method) {
        allowed.push(c.route.method);
        continue;
      }
      const params: Record<string, string> = {};
      c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      return { route: c.route, params };
    }
    return allowed.length ? { allowed } : undefined;
  }
}
