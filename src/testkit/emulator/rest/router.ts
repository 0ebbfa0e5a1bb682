import type { EmulatorContext, UploadedFile } from '../context';

export interface RouteRequest {
  ctx: EmulatorContext;
  method: string;
  /** Path without the /api/vN prefix. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (or payload_json); `{}` when there was none. */
  body: Record<string, unknown>;
  /** The raw parsed body, for routes that take an array (bulk overwrite). */
  rawBody: unknown;
  files: UploadedFile[];
}

export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (req: RouteRequest) => RouteResponse | Promise<RouteResponse>;

export interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: RouteHandler;
  /** False for interaction callbacks and webhook-token routes (discord.js sends no Authorization). */
  auth: boolean;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
  /** Rate-limit bucket key: method plus pattern, keeping the major parameter's value. */
  bucket: string;
}

const MAJOR_PARAMS = new Set(['channelId', 'guildId', 'webhookId', 'interactionId']);

export const json = (body: unknown, status = 200): RouteResponse => ({ status, body });
export const noContent = (): RouteResponse => ({ status: 204 });

/** A tiny path router: `/channels/:channelId/messages/:messageId`. */
export class Router {
  private readonly routes: Route[] = [];

  public add(method: string, pattern: string, handler: RouteHandler, options: { auth?: boolean } = {}): this {
    this.routes.push({ method, pattern, segments: pattern.split('/'), handler, auth: options.auth ?? true });
    return this;
  }

  public get(pattern: string, handler: RouteHandler, options?: { auth?: boolean }): this {
    return this.add('GET', pattern, handler, options);
  }

  public post(pattern: string, handler: RouteHandler, options?: { auth?: boolean }): this {
    return this.add('POST', pattern, handler, options);
  }

  public put(pattern: string, handler: RouteHandler, options?: { auth?: boolean }): this {
    return this.add('PUT', pattern, handler, options);
  }

  public patch(pattern: string, handler: RouteHandler, options?: { auth?: boolean }): this {
    return this.add('PATCH', pattern, handler, options);
  }

  public delete(pattern: string, handler: RouteHandler, options?: { auth?: boolean }): this {
    return this.add('DELETE', pattern, handler, options);
  }

  /** Finds the route for a request; literal segments win over parameters. */
  public match(method: string, path: string): RouteMatch | null {
    const parts = path.split('/');
    let best: { route: Route; params: Record<string, string>; literals: number } | null = null;
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let literals = 0;
      const ok = route.segments.every((segment, i) => {
        if (segment.startsWith(':')) {
          params[segment.slice(1)] = decodeURIComponent(parts[i]);
          return parts[i].length > 0;
        }
        literals += 1;
        return segment === parts[i];
      });
      if (ok && (!best || literals > best.literals)) best = { route, params, literals };
    }
    if (!best) return null;
    const { route, params } = best;
    const bucketPath = route.segments
      .map((s) => (s.startsWith(':') && MAJOR_PARAMS.has(s.slice(1)) ? params[s.slice(1)] : s))
      .join('/');
    return { route, params, bucket: `${method} ${bucketPath}` };
  }
}
