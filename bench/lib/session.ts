import { DiscordEmulator } from '../../src/testkit/emulator';
import { BotProcess } from './botProcess';
import type { Cleanup } from './cleanup';
import { PingDriver } from './driver';
import { type QueryCounts, type StatsReply, diffCounts } from './protocol';
import { type WorldSize, buildWorld } from './world';

export interface Target {
  name: string;
  /** The bot's entry file, relative to the repo root. */
  file: string;
  env: Record<string, string>;
}

/** One measured phase: `latencies.length` replies with at most `inFlight` unanswered at a time. */
export interface Sample {
  inFlight: number;
  latencies: number[];
  wallMs: number;
  queries: QueryCounts;
  /** CPU time (user + system) spent during the phase by the bot process and by this process (the emulator). */
  botCpuMicros: number;
  emulatorCpuMicros: number;
}

export interface Session {
  /** Memory after READY and every GUILD_CREATE. */
  stats: StatsReply;
  warmUp(count: number, inFlight: number): Promise<void>;
  measure(count: number, inFlight: number): Promise<Sample>;
  /** Stops the bot and the emulator; resolves with what the bot printed (it logs errors only). */
  stop(): Promise<string>;
}

export const log = (message: string) => console.error(`[bench] ${message}`);

/**
 * Starts a fresh emulator holding `world`, then the bot in its own process, and waits until the bot
 * has every guild and has registered /ping.
 */
export async function startSession(target: Target, world: WorldSize, cleanup: Cleanup): Promise<Session> {
  const { name } = target;
  // No acknowledgement deadline: a slow reply is reported, not turned into a failure.
  const emu = await DiscordEmulator.start({ interactionAckTimeoutMs: null, defaultTimeoutMs: 60_000 });
  const stopEmulator = cleanup.add(`${name}: emulator`, () => emu.stop());
  const { alice, channel } = buildWorld(emu, world);
  const bot = BotProcess.start(name, target.file, {
    ...target.env,
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    BENCH_GUILDS: String(world.guilds),
  });
  const stopBot = cleanup.add(`${name}: bot process`, () => bot.stop());
  const dies = bot.diesFirst();
  dies.catch(() => undefined);
  const withBot = <T>(work: Promise<T>) => Promise.race([work, dies]);

  await withBot(emu.gateway.waitForReady(240_000));
  const stats = await withBot(bot.stats());
  if (stats.guilds < world.guilds) {
    throw new Error(`The ${name} bot has ${stats.guilds} of ${world.guilds} guilds available`);
  }
  await withBot(emu.commands.waitFor('ping', { timeout: 60_000 }));

  const driver = new PingDriver(emu, alice, channel);
  const run = async (phase: string, count: number, inFlight: number) => {
    const result = await withBot(driver.run(count, inFlight));
    if (result.failures.length > 0 || result.latencies.length !== count) {
      throw new Error(
        `${name}, ${phase} (${inFlight} in flight): ${result.latencies.length} proper replies to ${count} ` +
          `interactions. First failure: ${result.failures[0] ?? 'none'}`,
      );
    }
    return result;
  };
  return {
    stats,
    async warmUp(count, inFlight) {
      if (count > 0) await run('warm-up', count, inFlight);
    },
    async measure(count, inFlight) {
      emu.reset(); // forget earlier messages, interactions and logged requests; guilds and users stay
      const before = await withBot(bot.snapshot());
      const ownBefore = process.cpuUsage();
      const { latencies, wallMs } = await run('measuring', count, inFlight);
      const own = process.cpuUsage(ownBefore);
      const after = await withBot(bot.snapshot());
      return {
        inFlight,
        latencies,
        wallMs,
        queries: diffCounts(before.queries, after.queries),
        botCpuMicros: after.cpuMicros - before.cpuMicros,
        emulatorCpuMicros: own.user + own.system,
      };
    },
    async stop() {
      await stopBot();
      await stopEmulator();
      return bot.recentOutput;
    },
  };
}
