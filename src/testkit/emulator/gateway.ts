import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { EmulatorContext } from './context';
import { GatewaySession, send } from './gatewaySession';
import { filterForIntents } from './intents';
import { type Json, guildCreatePayload, memberPayload, userPayload } from './payloads';

export interface GatewayOptions {
  /** Sent in HELLO; discord.js heartbeats at this interval. */
  heartbeatIntervalMs?: number;
}

export interface GatewayEvents {
  identify: [GatewaySession];
  ready: [GatewaySession];
  resumed: [GatewaySession];
  disconnect: [number];
}

/**
 * The WebSocket gateway (JSON encoding, no compression): HELLO, IDENTIFY → READY + GUILD_CREATE,
 * heartbeats, RESUME with replay, and test controls for op 7 / op 9.
 */
export class Gateway extends EventEmitter<GatewayEvents> {
  public identifyCount = 0;
  public resumeCount = 0;
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly sockets = new Map<WebSocket, GatewaySession | null>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly heartbeatIntervalMs: number;

  public constructor(
    private readonly ctx: () => EmulatorContext,
    options: GatewayOptions = {},
  ) {
    super();
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
  }

  /** True while a client has an identified (or resumed) connection. */
  public get connected(): boolean {
    return [...this.sessions.values()].some((s) => s.valid && s.open);
  }

  /** Resolves once a client is connected and has been sent READY and every GUILD_CREATE. */
  public async waitForReady(timeoutMs = 10_000): Promise<void> {
    if (this.connected) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('ready', done);
        this.off('resumed', done);
        reject(new Error(`No bot connected to the gateway within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.off('ready', done);
        this.off('resumed', done);
        resolve();
      };
      this.on('ready', done);
      this.on('resumed', done);
    });
  }

  public handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  }

  /** Sends a dispatch to every live session (kept for replay while a session is disconnected). */
  public dispatch(event: string, data: Json): void {
    const { botUserId } = this.ctx().config;
    for (const session of this.sessions.values()) {
      if (!session.valid) continue;
      const filtered = filterForIntents(event, data, session.intents, botUserId);
      if (filtered) session.dispatch(event, filtered);
    }
  }

  /** Op 7: asks the client to reconnect and resume. */
  public reconnect(): void {
    for (const [socket, session] of this.sockets) if (session) send(socket, { op: 7, d: null });
  }

  /** Op 9: invalid session; when not resumable the session is dropped and the client must IDENTIFY. */
  public invalidateSession(resumable: boolean): void {
    for (const [socket, session] of this.sockets) {
      if (!session) continue;
      if (!resumable) session.valid = false;
      send(socket, { op: 9, d: resumable });
    }
  }

  /** Drops every connection with a close code (4000 lets discord.js resume; 1000 invalidates). */
  public disconnect(code = 4000): void {
    for (const socket of this.sockets.keys()) socket.close(code, 'Emulator disconnect');
  }

  public async close(): Promise<void> {
    for (const socket of this.sockets.keys()) socket.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket): void {
    this.sockets.set(socket, null);
    send(socket, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs, _trace: ['["discord-emulator"]'] } });
    socket.on('message', (raw) => this.onMessage(socket, raw));
    socket.on('close', (code) => {
      const session = this.sockets.get(socket);
      this.sockets.delete(socket);
      if (session?.socket === socket) {
        session.socket = null;
        // A clean close (1000/1001) from the client ends the session, like on Discord.
        if (code === 1000 || code === 1001) session.valid = false;
      }
      this.emit('disconnect', code);
    });
  }

  private onMessage(socket: WebSocket, raw: RawData): void {
    let payload: { op?: number; d?: Json | number | null };
    try {
      payload = JSON.parse(raw.toString()) as typeof payload;
    } catch {
      socket.close(4002, 'Error while decoding payload.');
      return;
    }
    const data = (payload.d ?? {}) as Json;
    switch (payload.op) {
      case 1:
        send(socket, { op: 11, d: null });
        break;
      case 2:
        this.identify(socket, data);
        break;
      case 6:
        this.resume(socket, data);
        break;
      case 8:
        this.requestMembers(socket, data);
        break;
      case 3:
      case 4:
        break;
      default:
        socket.close(4001, 'Unknown opcode.');
    }
  }

  private identify(socket: WebSocket, data: Json): void {
    const ctx = this.ctx();
    if (this.sockets.get(socket)) return void socket.close(4005, 'Already authenticated.');
    if (data.token !== ctx.config.token) return void socket.close(4004, 'Authentication failed.');
    const session = new GatewaySession(randomBytes(16).toString('hex'), BigInt(Number(data.intents ?? 0)));
    session.socket = socket;
    this.sessions.set(session.id, session);
    this.sockets.set(socket, session);
    this.identifyCount += 1;
    this.emit('identify', session);
    const guilds = [...ctx.state.guilds.values()];
    session.dispatch('READY', {
      v: 10,
      user: { ...userPayload(ctx.state.user(ctx.config.botUserId)), verified: true, mfa_enabled: false, email: null },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: ctx.config.gatewayUrl,
      shard: [0, 1],
      application: { id: ctx.config.applicationId, flags: (1 << 14) | (1 << 18) },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      auth: {},
      _trace: ['["discord-emulator"]'],
    });
    for (const guild of guilds) {
      const payload = filterForIntents(
        'GUILD_CREATE',
        guildCreatePayload(ctx.state, guild),
        session.intents,
        ctx.config.botUserId,
      );
      if (payload) session.dispatch('GUILD_CREATE', payload);
    }
    this.emit('ready', session);
  }

  private resume(socket: WebSocket, data: Json): void {
    const ctx = this.ctx();
    const session = this.sessions.get(String(data.session_id));
    const missed = session?.missedSince(Number(data.seq ?? 0));
    if (data.token !== ctx.config.token || !session || !session.valid || !missed) {
      send(socket, { op: 9, d: false });
      return;
    }
    if (session.socket && session.socket !== socket) session.socket.close(4009, 'Session resumed elsewhere.');
    session.socket = socket;
    this.sockets.set(socket, session);
    for (const payload of missed) send(socket, payload);
    this.resumeCount += 1;
    session.dispatch('RESUMED', { _trace: ['["discord-emulator"]'] });
    this.emit('resumed', session);
  }

  /** Op 8 (guild.members.fetch()): answers with one GUILD_MEMBERS_CHUNK. */
  private requestMembers(socket: WebSocket, data: Json): void {
    const session = this.sockets.get(socket);
    if (!session) return void socket.close(4003, 'Not authenticated.');
    const ctx = this.ctx();
    const guild = ctx.state.guilds.get(String(data.guild_id));
    if (!guild) return;
    const ids = Array.isArray(data.user_ids)
      ? data.user_ids.map(String)
      : typeof data.user_ids === 'string'
        ? [data.user_ids]
        : null;
    const query = typeof data.query === 'string' ? data.query.toLowerCase() : '';
    const limit = typeof data.limit === 'number' && data.limit > 0 ? data.limit : Infinity;
    const members = [...guild.members.values()]
      .filter((m) => (ids ? ids.includes(m.userId) : ctx.state.user(m.userId).username.toLowerCase().startsWith(query)))
      .slice(0, limit);
    session.dispatch('GUILD_MEMBERS_CHUNK', {
      guild_id: guild.id,
      members: members.map((m) => memberPayload(ctx.state, m)),
      chunk_index: 0,
      chunk_count: 1,
      not_found: ids ? ids.filter((id) => !guild.members.has(id)) : [],
      ...(data.nonce ? { nonce: data.nonce } : {}),
    });
  }
}
