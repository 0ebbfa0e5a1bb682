import { WebSocket } from 'ws';
import type { Json } from './payloads';

/** How many dispatches a session keeps for RESUME. */
const REPLAY_LIMIT = 2000;

export interface GatewayPayload {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

/** One gateway session: survives a dropped connection until it is invalidated. */
export class GatewaySession {
  public seq = 0;
  public socket: WebSocket | null = null;
  public valid = true;
  private readonly replay: GatewayPayload[] = [];

  public constructor(
    public readonly id: string,
    public readonly intents: bigint,
  ) {}

  public get open(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Numbers the event, keeps it for replay and sends it if connected. */
  public dispatch(event: string, data: Json): void {
    this.seq += 1;
    const payload: GatewayPayload = { op: 0, t: event, s: this.seq, d: data };
    this.replay.push(payload);
    if (this.replay.length > REPLAY_LIMIT) this.replay.shift();
    if (this.open) this.socket?.send(JSON.stringify(payload));
  }

  /** The dispatches a client that last saw `seq` missed; null when they are no longer all kept. */
  public missedSince(seq: number): GatewayPayload[] | null {
    const first = this.replay[0];
    if (first && first.s !== undefined && first.s !== null && first.s > seq + 1) return null;
    return this.replay.filter((p) => (p.s ?? 0) > seq);
  }
}

export function send(socket: WebSocket, payload: GatewayPayload): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
}
