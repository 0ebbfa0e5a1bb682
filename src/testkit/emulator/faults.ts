export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Path without the /api/v10 prefix: exact string (`:name` segments match anything) or a RegExp. */
  path: string | RegExp;
  status: number;
  /** Discord JSON error code (defaults: 0, or 50013 for 403, 10003 for 404...). */
  code?: number;
  message?: string;
  /** For 429: seconds the client must wait (retry-after header and body). Default 0.05. */
  retryAfter?: number;
  /** For 429: whether this is the global limit. */
  global?: boolean;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface Fault extends Required<Pick<FaultSpec, 'status' | 'times'>> {
  spec: FaultSpec;
  /** Requests this fault has failed so far. */
  hits: number;
}

const DEFAULT_MESSAGES: Record<number, [number, string]> = {
  400: [50035, 'Invalid Form Body'],
  401: [0, '401: Unauthorized'],
  403: [50013, 'Missing Permissions'],
  404: [0, '404: Not Found'],
  429: [0, 'You are being rate limited.'],
  500: [0, '500: Internal Server Error'],
  502: [0, '502: Bad Gateway'],
  503: [0, '503: Service Unavailable'],
};

const KNOWN_CODES: Record<number, string> = {
  10003: 'Unknown Channel',
  10004: 'Unknown Guild',
  10007: 'Unknown Member',
  10008: 'Unknown Message',
  10062: 'Unknown interaction',
  40060: 'Interaction has already been acknowledged.',
  50001: 'Missing Access',
  50007: 'Cannot send messages to this user',
  50013: 'Missing Permissions',
};

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Makes chosen requests fail: `emu.faults.add({ path: '/channels/:id/messages', status: 429 })`. */
export class FaultInjector {
  public readonly active: Fault[] = [];

  public add(spec: FaultSpec): Fault {
    const fault: Fault = { spec, status: spec.status, times: spec.times ?? 1, hits: 0 };
    this.active.push(fault);
    return fault;
  }

  public clear(): void {
    this.active.length = 0;
  }

  /** Takes one use of the first fault matching the request, if any. */
  public take(method: string, path: string): FaultResponse | null {
    const fault = this.active.find((f) => matches(f.spec, method, path));
    if (!fault) return null;
    fault.hits += 1;
    if (fault.hits >= fault.times) this.active.splice(this.active.indexOf(fault), 1);
    return respond(fault.spec);
  }
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
  if (spec.method && spec.method.toUpperCase() !== method) return false;
  if (spec.path instanceof RegExp) return spec.path.test(path);
  const want = spec.path.replace(/^\/api\/v\d+/, '').split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((part, i) => part.startsWith(':') || part === got[i]);
}

function respond(spec: FaultSpec): FaultResponse {
  const [defaultCode, defaultMessage] = DEFAULT_MESSAGES[spec.status] ?? [0, `${spec.status}: Error`];
  const code = spec.code ?? defaultCode;
  const message = spec.message ?? KNOWN_CODES[code] ?? defaultMessage;
  if (spec.status !== 429) return { status: spec.status, headers: {}, body: { message, code } };
  const retryAfter = spec.retryAfter ?? 0.05;
  const global = spec.global === true;
  const headers: Record<string, string> = {
    'retry-after': String(retryAfter),
    'x-ratelimit-scope': global ? 'global' : 'user',
  };
  if (global) headers['x-ratelimit-global'] = 'true';
  else {
    headers['x-ratelimit-limit'] = '5';
    headers['x-ratelimit-remaining'] = '0';
    headers['x-ratelimit-reset-after'] = String(retryAfter);
    headers['x-ratelimit-reset'] = String((Date.now() / 1000 + retryAfter).toFixed(3));
  }
  return { status: 429, headers, body: { message, retry_after: retryAfter, global, ...(code ? { code } : {}) } };
}
