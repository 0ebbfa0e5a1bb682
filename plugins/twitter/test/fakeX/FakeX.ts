import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { type Problem, type ProblemName, problems } from './problems';

export interface FakeUser {
  id: string;
  username: string;
  name: string;
}

export interface FakeTweet {
  id: string;
  /** As X stores and returns it: links become t.co links, `&<>` HTML-escaped. */
  text: string;
  /** As the client sent it. */
  sent: string;
  authorId: string;
  createdAt: Date;
  mediaIds: string[];
  deleted: boolean;
}

export interface FakeRequest {
  method: string;
  path: string;
  /** The X user the access token belongs to, when there was one. */
  userId: string | null;
  body: Record<string, unknown>;
  /** Whether the OAuth 1.0a signature matched the request as addressed to api.x.com. */
  signed: boolean;
}

export interface FakeFault {
  method: string;
  /** `/2/tweets`, `/2/users/:id/tweets`, or a RegExp on the path. */
  path: string | RegExp;
  /** One of X's error bodies. */
  problem?: ProblemName;
  /** How many requests it hits; default: all of them until `faults.clear()`. */
  times?: number;
  /** Never answer (the client times out). `created` says whether X still made the tweet. */
  hang?: { created: boolean };
  /** Answer a timeline read with no posts (X's timeline lags behind a fresh post). */
  empty?: boolean;
  /** For a 429: when the user's 24-hour posting window resets. */
  resetAt?: Date;
  /** Only for requests made with this X user's token. */
  userId?: string;
}

interface Token {
  secret: string;
  userId: string;
  access: 'read' | 'read-write';
}

const WINDOW_SECONDS = 15 * 60;
/** Where X is: requests are signed for this address whatever proxy or port they came through. */
const X_BASE = 'https://api.x.com';
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * A local stand-in for X's API: `/2/users/me`, tweet create and delete, a user's timeline, the
 * OAuth 1.0a PIN flow and media upload, with X's rate-limit headers and error bodies. Tests
 * program faults and read what it received. It checks every request's OAuth 1.0a signature
 * (HMAC-SHA1 over the request as addressed to api.x.com) with the secrets it issued.
 */
export class FakeX {
  public readonly users = new Map<string, FakeUser>();
  public readonly tweets: FakeTweet[] = [];
  public readonly requests: FakeRequest[] = [];
  public readonly consumers = new Map<string, string>();
  private readonly tokens = new Map<string, Token>();
  private readonly requestTokens = new Map<string, { secret: string; pin?: string; userId?: string }>();
  private faultList: (FakeFault & { hits: number })[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  /** Posts each user may make per 24 hours before X answers 429. */
  public userDailyLimit = 10_000;
  private nextId = BigInt('1800000000000000000');

  public url = '';

  public async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    const address = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${address.port}`;
    return this;
  }

  public async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((done) => this.server?.close(() => done()) ?? done());
  }

  public addConsumer(key: string, secret: string): void {
    this.consumers.set(key, secret);
  }

  public addUser(username: string, id = String(randomInt(10 ** 9, 10 ** 10))): FakeUser {
    const user = { id, username, name: username };
    this.users.set(id, user);
    return user;
  }

  /** An access token for a user, as X issues after the user authorizes the app. */
  public grant(userId: string, access: Token['access'] = 'read-write'): { token: string; secret: string } {
    const token = `${userId}-${randomBytes(12).toString('hex')}`;
    const secret = randomBytes(20).toString('hex');
    this.tokens.set(token, { secret, userId, access });
    return { token, secret };
  }

  public setAccess(userId: string, access: Token['access']): void {
    for (const token of this.tokens.values()) if (token.userId === userId) token.access = access;
  }

  /** Every secret X issued, so tests can check none leaks. */
  public issuedSecrets(): string[] {
    return [
      ...this.consumers.values(),
      ...[...this.tokens].flatMap(([token, { secret }]) => [token, secret]),
      ...[...this.requestTokens.values()].map(({ secret }) => secret),
    ];
  }

  /** The user opens the authorize link and approves the app: X shows them this PIN. */
  public authorize(requestToken: string, userId: string): string {
    const pending = this.requestTokens.get(requestToken);
    if (!pending) throw new Error(`FakeX: unknown request token ${requestToken}`);
    pending.pin = String(randomInt(1_000_000, 9_999_999));
    pending.userId = userId;
    return pending.pin;
  }

  public readonly faults = {
    add: (fault: FakeFault): void => void this.faultList.push({ ...fault, hits: 0 }),
    clear: (): void => void (this.faultList = []),
  };

  public timeline(userId: string): FakeTweet[] {
    return this.tweets.filter((tweet) => tweet.authorId === userId && !tweet.deleted);
  }

  public posts(path = '/2/tweets'): FakeRequest[] {
    return this.requests.filter((request) => request.method === 'POST' && request.path === path);
  }

  public reset(): void {
    this.faults.clear();
    this.requests.length = 0;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const raw = await readBody(request);
    const body = parseBody(raw, request.headers['content-type'] ?? '');
    for (const [key, value] of url.searchParams) body[key] ??= value;
    const auth = parseOAuthHeader(request.headers.authorization ?? '');
    const token = auth.oauth_token ? this.tokens.get(auth.oauth_token) : undefined;
    const method = request.method ?? 'GET';
    const consumerSecret = this.consumers.get(auth.oauth_consumer_key ?? '');
    const tokenSecret = token?.secret ?? this.requestTokens.get(auth.oauth_token ?? '')?.secret ?? '';
    const form = (request.headers['content-type'] ?? '').includes('x-www-form-urlencoded') ? raw : '';
    const signed =
      consumerSecret !== undefined &&
      signatureOf(method, url, auth, form, consumerSecret, tokenSecret) === auth.oauth_signature;
    this.requests.push({ method, path: url.pathname, userId: token?.userId ?? null, body, signed });

    if (!signed) return this.problem(response, problems.unauthorized());
    const fault = this.takeFault(method, url.pathname, token?.userId);
    if (fault?.hang) {
      if (fault.hang.created && token) this.createTweet(token.userId, body);
      return; // never answered; the socket closes when the client gives up
    }
    if (fault?.problem) return this.problem(response, problems[fault.problem](), fault.resetAt);
    if (fault?.empty) return this.json(response, 200, { meta: { result_count: 0 } });

    if (url.pathname.startsWith('/oauth/')) return this.oauth(url.pathname, auth, body, response);
    if (!token) return this.problem(response, problems.unauthorized());
    return this.api(method, url.pathname, token, body, response);
  }

  private api(method: string, path: string, token: Token, body: Record<string, unknown>, response: ServerResponse) {
    const user = this.users.get(token.userId)!;
    if (method === 'GET' && path === '/2/users/me') {
      response.setHeader('x-access-level', token.access);
      return this.json(response, 200, { data: user });
    }
    if (method === 'POST' && path === '/2/tweets') {
      if (token.access !== 'read-write') return this.problem(response, problems.oauth1Permissions());
      const used = this.tweets.filter((t) => t.authorId === user.id && Date.now() - t.createdAt.getTime() < 86_400_000);
      if (used.length >= this.userDailyLimit) return this.problem(response, problems.tooManyRequests());
      const text = String(body.text ?? '');
      if (this.timeline(user.id).some((tweet) => tweet.sent === text))
        return this.problem(response, problems.duplicate());
      const tweet = this.createTweet(user.id, body);
      this.userDayHeaders(response, user.id);
      return this.json(response, 201, { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } });
    }
    const deleted = /^\/2\/tweets\/(\d+)$/.exec(path);
    if (method === 'DELETE' && deleted) {
      const tweet = this.tweets.find((t) => t.id === deleted[1] && t.authorId === user.id);
      if (tweet) tweet.deleted = true;
      return this.json(response, 200, { data: { deleted: Boolean(tweet) } });
    }
    const timeline = /^\/2\/users\/(\d+)\/tweets$/.exec(path);
    if (method === 'GET' && timeline) {
      const max = Math.min(100, Number(body.max_results ?? 10));
      const tweets = this.timeline(timeline[1]!).reverse().slice(0, max);
      const withDates = String(body['tweet.fields'] ?? '').includes('created_at');
      const data = tweets.map((t) => ({
        id: t.id,
        text: t.text,
        edit_history_tweet_ids: [t.id],
        ...(withDates ? { created_at: t.createdAt.toISOString() } : {}),
      }));
      const meta = data.length
        ? { result_count: data.length, newest_id: data[0]!.id, oldest_id: data.at(-1)!.id }
        : { result_count: 0 };
      return this.json(response, 200, data.length ? { data, meta } : { meta });
    }
    if (method === 'POST' && path === '/2/media/upload/initialize') {
      const id = String(this.nextId++);
      return this.json(response, 200, { data: { id, media_key: `3_${id}`, expires_after_secs: 86_400 } });
    }
    if (method === 'POST' && /^\/2\/media\/upload\/\d+\/append$/.test(path)) return this.json(response, 200, {});
    const finalize = /^\/2\/media\/upload\/(\d+)\/finalize$/.exec(path);
    if (method === 'POST' && finalize) {
      return this.json(response, 200, { data: { id: finalize[1], media_key: `3_${finalize[1]}`, size: 1 } });
    }
    return this.json(response, 404, { title: 'Not Found Error', type: 'about:blank', status: 404, detail: path });
  }

  private oauth(path: string, auth: Record<string, string>, body: Record<string, unknown>, response: ServerResponse) {
    if (path === '/oauth/request_token') {
      const token = randomBytes(16).toString('hex');
      const secret = randomBytes(20).toString('hex');
      this.requestTokens.set(token, { secret });
      return this.form(response, { oauth_token: token, oauth_token_secret: secret, oauth_callback_confirmed: 'true' });
    }
    if (path === '/oauth/access_token') {
      const requestToken = String(body.oauth_token ?? auth.oauth_token ?? '');
      const pending = this.requestTokens.get(requestToken);
      if (!pending?.pin || pending.pin !== String(body.oauth_verifier ?? auth.oauth_verifier ?? '')) {
        response.writeHead(401, { 'content-type': 'text/html; charset=utf-8' });
        response.end('Error processing your OAuth request: Invalid oauth_verifier parameter');
        return;
      }
      this.requestTokens.delete(requestToken);
      const user = this.users.get(pending.userId!)!;
      const granted = this.grant(user.id);
      return this.form(response, {
        oauth_token: granted.token,
        oauth_token_secret: granted.secret,
        user_id: user.id,
        screen_name: user.username,
      });
    }
    return this.json(response, 404, { errors: [{ code: 34, message: 'Sorry, that page does not exist.' }] });
  }

  private createTweet(authorId: string, body: Record<string, unknown>): FakeTweet {
    const media = body.media as { media_ids?: string[] } | undefined;
    const sent = String(body.text ?? '');
    const tweet = {
      id: String(this.nextId++),
      text: asXStoresIt(sent),
      sent,
      authorId,
      createdAt: new Date(),
      mediaIds: media?.media_ids ?? [],
      deleted: false,
    };
    this.tweets.push(tweet);
    return tweet;
  }

  private takeFault(method: string, path: string, userId: string | undefined): FakeFault | undefined {
    const fault = this.faultList.find(
      (f) =>
        f.method === method &&
        (f.userId === undefined || f.userId === userId) &&
        (f.path instanceof RegExp ? f.path.test(path) : pathMatches(f.path, path)) &&
        f.hits < (f.times ?? Infinity),
    );
    if (fault) fault.hits++;
    return fault;
  }

  private userDayHeaders(response: ServerResponse, userId: string, resetAt?: Date): void {
    const used = this.tweets.filter((t) => t.authorId === userId && Date.now() - t.createdAt.getTime() < 86_400_000);
    const reset = resetAt ?? new Date(Date.now() + 86_400_000);
    response.setHeader('x-user-limit-24hour-limit', String(this.userDailyLimit));
    response.setHeader(
      'x-user-limit-24hour-remaining',
      String(resetAt ? 0 : Math.max(0, this.userDailyLimit - used.length)),
    );
    response.setHeader('x-user-limit-24hour-reset', String(seconds(reset)));
    response.setHeader('x-app-limit-24hour-limit', '1667');
    response.setHeader('x-app-limit-24hour-remaining', '1600');
    response.setHeader('x-app-limit-24hour-reset', String(seconds(reset)));
  }

  private problem(response: ServerResponse, { status, body }: Problem, resetAt?: Date): void {
    if (status === 429) {
      const userId = this.requests.at(-1)?.userId;
      if (userId) this.userDayHeaders(response, userId, resetAt);
    }
    response.setHeader('content-type', 'application/problem+json');
    this.json(response, status, body);
  }

  private json(response: ServerResponse, status: number, body: unknown): void {
    response.setHeader('x-rate-limit-limit', '200');
    response.setHeader('x-rate-limit-remaining', '199');
    response.setHeader('x-rate-limit-reset', String(Math.floor(Date.now() / 1000) + WINDOW_SECONDS));
    if (!response.hasHeader('content-type')) response.setHeader('content-type', 'application/json; charset=utf-8');
    response.writeHead(status);
    response.end(JSON.stringify(body));
  }

  private form(response: ServerResponse, values: Record<string, string>): void {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(new URLSearchParams(values).toString());
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** X shortens every link to a t.co link and returns `&<>` HTML-escaped. */
function asXStoresIt(text: string): string {
  return text
    .replace(/[&<>]/g, (char) => ESCAPES[char]!)
    .replace(/https?:\/\/\S+/g, () => `https://t.co/${randomBytes(5).toString('hex')}`);
}

const percentEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!*'()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/** The OAuth 1.0a signature (RFC 5849, HMAC-SHA1) of a request as sent to X itself. */
function signatureOf(
  method: string,
  url: URL,
  auth: Record<string, string>,
  form: string,
  consumerSecret: string,
  tokenSecret: string,
): string {
  const params = [
    ...Object.entries(auth).filter(([key]) => key !== 'oauth_signature'),
    ...url.searchParams,
    ...new URLSearchParams(form),
  ]
    .map(([key, value]) => [percentEncode(key), percentEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    // The same pair in the header and the body (oauth_token when trading the PIN) counts once.
    .filter((pair, index, all) => all.indexOf(pair) === index);
  const base = [method, `${X_BASE}${url.pathname}`, params.join('&')].map(percentEncode).join('&');
  return createHmac('sha1', `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`)
    .update(base)
    .digest('base64');
}

function pathMatches(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/:[a-z]+/gi, '[^/]+')}$`);
  return regex.test(path);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  if (contentType.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  return {}; // multipart media chunks: the bytes don't matter here
}

function parseOAuthHeader(header: string): Record<string, string> {
  if (!header.startsWith('OAuth ')) return {};
  const values: Record<string, string> = {};
  for (const part of header.slice(6).split(',')) {
    const match = /^\s*([a-z_]+)="([^"]*)"\s*$/.exec(part);
    if (match) values[match[1]!] = decodeURIComponent(match[2]!);
  }
  return values;
}
