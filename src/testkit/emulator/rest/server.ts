import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';
import { ApiError, Errors } from '../errors';
import type { FaultInjector } from '../faults';
import { parseBody } from '../multipart';
import type { RateLimiter } from '../ratelimit';
import type { Router } from './router';

export interface RequestLogEntry {
  method: string;
  /** Path without the /api/vN prefix, e.g. `/channels/123/messages`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the payload_json of a multipart body. */
  body: unknown;
  /** Uploaded files of a multipart body. */
  files: { field: string; filename: string; contentType: string; size: number }[];
  status: number;
  /** Epoch milliseconds when the request arrived. */
  at: number;
  /** The matched route pattern, e.g. `/channels/:channelId/messages`. */
  route: string | null;
  /** Error code of the JSON error body, when the request failed. */
  code?: number;
  /** Stack of an unexpected emulator error (a 500 that no fault injected). */
  error?: string;
}

const API_PREFIX = /^\/api\/v(9|10)(?=\/)/;

/** The HTTP side: prefix, auth, global rate limit, faults, routing, request log. */
export class RestServer {
  public readonly requests: RequestLogEntry[] = [];

  public constructor(
    private readonly ctx: EmulatorContext,
    private readonly router: Router,
    private readonly faults: FaultInjector,
    private readonly limiter: RateLimiter,
  ) {}

  public async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.ctx.config.baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'GET' && url.pathname.startsWith('/attachments/')) return this.serveAttachment(url.pathname, res);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = url.pathname.replace(API_PREFIX, '');
    const entry: RequestLogEntry = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      status: 0,
      at: Date.now(),
      route: null,
    };
    this.requests.push(entry);
    let status = 200;
    let body: unknown;
    let headers: Record<string, string> = {};
    try {
      const parsed = await parseBody(Buffer.concat(chunks), req.headers['content-type']);
      entry.body = parsed.json;
      entry.files = parsed.files.map((f) => ({
        field: f.field,
        filename: f.filename,
        contentType: f.contentType,
        size: f.data.length,
      }));
      const match = API_PREFIX.test(url.pathname) ? this.router.match(method, path) : null;
      const bucket = this.limiter.check(match?.bucket ?? `${method} ${path}`);
      headers = bucket.headers;
      if (!match) throw Errors.notFound();
      entry.route = match.route.pattern;
      this.checkAuth(req.headers.authorization, match.route.auth);
      const global = this.limiter.checkGlobal();
      if (global) throw new ApiError(429, 0, 'You are being rate limited.', undefined, { ...headers, ...global });
      if (bucket.limited) throw new ApiError(429, 0, 'You are being rate limited.', undefined, headers);
      const fault = this.faults.take(method, path);
      if (fault) {
        status = fault.status;
        body = fault.body;
        headers = { ...headers, ...fault.headers };
      } else {
        const json = parsed.json;
        const pending = match.route.handler({
          ctx: this.ctx,
          method,
          path,
          params: match.params,
          query: url.searchParams,
          body: json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {},
          rawBody: json,
          files: parsed.files,
        });
        // Synchronous handlers finish (and are logged) before anyone awaiting their effects resumes.
        const result = pending instanceof Promise ? await pending : pending;
        status = result.status;
        body = result.body;
        headers = { ...headers, ...result.headers };
      }
    } catch (error) {
      ({ status, body, headers } = this.errorResponse(error, headers, entry));
    }
    entry.status = status;
    if (body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'number' && status >= 400) {
      entry.code = (body as { code: number }).code;
    }
    this.send(res, status, body, headers);
  }

  private checkAuth(header: string | undefined, required: boolean): void {
    if (header === undefined && !required) return;
    if (header !== `Bot ${this.ctx.config.token}`) throw Errors.unauthorized();
  }

  private errorResponse(
    error: unknown,
    headers: Record<string, string>,
    entry: RequestLogEntry,
  ): { status: number; body: unknown; headers: Record<string, string> } {
    if (error instanceof ApiError) {
      let body = error.toBody();
      if (error.status === 429) {
        const retryAfter = Number(error.headers['retry-after'] ?? 0);
        body = {
          message: error.message,
          retry_after: retryAfter,
          global: error.headers['x-ratelimit-global'] === 'true',
        };
      }
      return { status: error.status, body, headers: { ...headers, ...error.headers } };
    }
    if (error instanceof SyntaxError) {
      return { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 }, headers };
    }
    entry.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { status: 500, body: { message: '500: Internal Server Error', code: 0 }, headers };
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
    const common = { ...headers, via: '1.1 discord-emulator', 'x-emulator': 'mellow' };
    if (status === 204 || body === undefined) {
      res.writeHead(status === 200 ? 204 : status, common).end();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { ...common, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private serveAttachment(pathname: string, res: ServerResponse): void {
    const [, , channelId, id] = pathname.split('/');
    const attachment = this.ctx.messages.attachments.find(channelId ?? '', id ?? '');
    if (!attachment) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    res.writeHead(200, { 'content-type': attachment.contentType, 'content-length': attachment.data.length });
    res.end(attachment.data);
  }
}
