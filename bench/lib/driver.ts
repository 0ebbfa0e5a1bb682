import { performance } from 'node:perf_hooks';
import type { Actor, ChannelRecord, DiscordEmulator } from '../../src/testkit/emulator';

export interface PhaseResult {
  /** Milliseconds from the emulator dispatching INTERACTION_CREATE to it handling the callback POST. */
  latencies: number[];
  /** From the start of the phase to its last reply. */
  wallMs: number;
  failures: string[];
}

/** Stop a phase after this many failed interactions: the bot is broken, timing it is pointless. */
const MAX_FAILURES = 10;

/**
 * Fires `/ping` as `alice` through the emulator's public API and times each interaction. The start
 * is taken where the emulator hands INTERACTION_CREATE to the gateway (its dispatch method, wrapped
 * here); the end is when `alice.slash()` resolves, which happens synchronously in the emulator's
 * handling of the callback POST. The actor's own preparation before the dispatch is not counted.
 */
export class PingDriver {
  private readonly sentAt = new Map<string, number>();

  public constructor(
    emu: DiscordEmulator,
    private readonly alice: Actor,
    private readonly channel: ChannelRecord,
    private readonly timeoutMs = 30_000,
  ) {
    const gateway = emu.gateway;
    const dispatch = gateway.dispatch.bind(gateway);
    gateway.dispatch = (event, data) => {
      if (event === 'INTERACTION_CREATE') this.sentAt.set(String(data.id), performance.now());
      dispatch(event, data);
    };
  }

  /** One interaction; resolves with its latency in ms. */
  public async once(): Promise<number> {
    const reply = await this.alice.slash(this.channel, 'ping', {}, { timeout: this.timeoutMs });
    const end = performance.now();
    const start = this.sentAt.get(reply.interactionId);
    this.sentAt.delete(reply.interactionId);
    if (start === undefined) throw new Error(`No dispatch time for interaction ${reply.interactionId}`);
    const title = reply.embeds[0]?.title;
    if (title !== 'Pong!') throw new Error(`Unexpected reply to /ping: ${JSON.stringify(reply.text)}`);
    return end - start;
  }

  /** `count` interactions with at most `inFlight` unanswered at any time. */
  public async run(count: number, inFlight: number): Promise<PhaseResult> {
    const latencies: number[] = [];
    const failures: string[] = [];
    let started = 0;
    const worker = async () => {
      while (started < count && failures.length < MAX_FAILURES) {
        started++;
        try {
          latencies.push(await this.once());
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
    };
    const begin = performance.now();
    await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
    const wallMs = performance.now() - begin;
    this.sentAt.clear();
    return { latencies, wallMs, failures };
  }
}
