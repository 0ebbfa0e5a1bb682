import { cpus } from 'node:os';
import { type ModeResult, type TargetResult, median } from './aggregate';
import type { BenchSettings } from './settings';
import { round } from './stats';

export const TARGET_RATIO = 1.25;
const MiB = 2 ** 20;

const pad = (value: string | number, width: number) => String(value).padStart(width);
const ms = (value: number) => pad(value.toFixed(2), 9);
const mark = (ok: boolean) => (ok ? 'ok  ' : 'OVER');
/** The tables the hot path could read: plugin switches and per-guild settings. */
const GATE_TABLES = /\b"?(plugin_state|guild_settings)"?\b/;
/**
 * Plugins' own background work (a cleanup task at startup) also queries while we measure. More than
 * this many per command would mean something queries on every command.
 */
const BACKGROUND_PER_COMMAND = 0.01;

function modeOf(result: TargetResult, inFlight: number): ModeResult {
  const mode = result.modes.find((m) => m.inFlight === inFlight);
  if (!mode) throw new Error(`${result.name} has no result for ${inFlight} in flight`);
  return mode;
}

/** Everything measured, as one JSON object (printed on one line). */
export function summaryJson(settings: BenchSettings, bare: TargetResult, full: TargetResult) {
  const modes = (result: TargetResult) =>
    Object.fromEntries(
      result.modes.map((m) => [
        String(m.inFlight),
        {
          p50: round(m.latency.p50),
          p99: round(m.latency.p99),
          mean: round(m.latency.mean),
          max: round(m.latency.max),
          throughput: round(m.throughput, 1),
          overDeadline: m.overDeadline,
          botCpuMsPerCommand: round(m.botCpuMs, 4),
          emulatorCpuMsPerCommand: round(m.emulatorCpuMs, 4),
        },
      ]),
    );
  const target = (result: TargetResult) => ({
    rssMiB: round(median(result.rss) / MiB, 1),
    heapUsedMiB: round(median(result.heapUsed) / MiB, 1),
    rssMiBPerRound: result.rss.map((bytes) => round(bytes / MiB, 1)),
    modes: modes(result),
  });
  const ratios = Object.fromEntries(
    settings.modes.map((n) => {
      const [b, f] = [modeOf(bare, n), modeOf(full, n)];
      return [
        String(n),
        {
          p50: round(f.latency.p50 / b.latency.p50),
          p99: round(f.latency.p99 / b.latency.p99),
          throughput: round(f.throughput / b.throughput),
          botCpu: round(f.botCpuMs / b.botCpuMs),
        },
      ];
    }),
  );
  const commands = full.modes.reduce((sum, m) => sum + m.latency.count, 0);
  const otherQueries: Record<string, number> = {};
  for (const m of full.modes)
    for (const [text, n] of Object.entries(m.queries.other)) otherQueries[text] = (otherQueries[text] ?? 0) + n;
  const counted = Object.entries(otherQueries);
  const gateQueries = counted.filter(([text]) => GATE_TABLES.test(text)).reduce((sum, [, n]) => sum + n, 0);
  const background = counted.filter(([text]) => !GATE_TABLES.test(text)).reduce((sum, [, n]) => sum + n, 0);
  return {
    benchmark: 'ping',
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    settings,
    latencyUnit: 'ms, emulator INTERACTION_CREATE dispatch to callback POST handled',
    bare: target(bare),
    full: target(full),
    ratios,
    targetRatio: TARGET_RATIO,
    gate: {
      commands,
      queriesPerCommand: round(gateQueries / commands, 4),
      backgroundPerCommand: round(background / commands, 4),
      otherQueries,
      systemLogInserts: full.modes.reduce((sum, m) => sum + m.queries.systemLog, 0),
    },
  };
}

/** The human-readable table, then the JSON line. */
export function printReport(settings: BenchSettings, bare: TargetResult, full: TargetResult): void {
  const json = summaryJson(settings, bare, full);
  const { world } = settings;
  const out: string[] = [];
  out.push('Mellow /ping benchmark');
  out.push(
    `  ${settings.count} interactions per bot and mode, in ${settings.rounds} round(s), each bot starting once a round ` +
      `and warming up with ${settings.warmup} per mode; ${world.guilds} guilds × ${world.channelsPerGuild} channels ` +
      `× ${world.membersPerGuild} members`,
  );
  out.push('  latency: from the emulator dispatching INTERACTION_CREATE to it handling the callback POST');
  out.push(`  Node ${json.node}, ${json.cpus} CPUs; full = Mellow (bench/targets/mellow.ts), bare = bench/bare`);
  out.push('');
  out.push('  in flight  bot      p50 ms   p99 ms  mean ms   max ms  replies/s  >3 s  CPU ms/cmd: bot  emulator');
  for (const n of settings.modes) {
    for (const result of [bare, full]) {
      const m = modeOf(result, n);
      out.push(
        `  ${pad(n, 9)}  ${result.name.padEnd(4)} ${ms(m.latency.p50)}${ms(m.latency.p99)}${ms(m.latency.mean)}` +
          `${ms(m.latency.max)}${pad(m.throughput.toFixed(1), 11)}${pad(m.overDeadline, 6)}` +
          `${pad(m.botCpuMs.toFixed(3), 17)}${pad(m.emulatorCpuMs.toFixed(3), 10)}`,
      );
    }
  }
  out.push('');
  out.push(`  full / bare   p50 (≤ ${TARGET_RATIO})   p99 (≤ ${TARGET_RATIO})   throughput   bot CPU per command`);
  for (const n of settings.modes) {
    const r = json.ratios[String(n)]!;
    out.push(
      `  ${pad(n, 2)} in flight  ${pad(r.p50.toFixed(2), 6)} ${mark(r.p50 <= TARGET_RATIO)}    ` +
        `${pad(r.p99.toFixed(2), 6)} ${mark(r.p99 <= TARGET_RATIO)}    ${pad(r.throughput.toFixed(2), 6)}` +
        `       ${pad(r.botCpu.toFixed(2), 6)}`,
    );
  }
  out.push('  (bot CPU per command is the least noise-sensitive comparison; at high in-flight counts the emulator,');
  out.push('  in this process, shares the CPUs and can be the bottleneck, which narrows the latency ratios)');
  out.push('');
  const { gate } = json;
  out.push(
    `  Plugin gate: ${gate.queriesPerCommand} database queries per command (target 0) ${mark(gate.queriesPerCommand === 0).trim()}`,
  );
  out.push(
    `    over ${gate.commands} measured commands: ${gate.systemLogInserts} batched system_log inserts (excluded), ` +
      `${Object.values(gate.otherQueries).reduce((a, b) => a + b, 0)} other queries; ` +
      `${gate.backgroundPerCommand} per command outside the gate's tables (target < ${BACKGROUND_PER_COMMAND}) ` +
      mark(gate.backgroundPerCommand < BACKGROUND_PER_COMMAND).trim(),
  );
  for (const [text, n] of Object.entries(gate.otherQueries)) out.push(`      ${pad(n, 6)} × ${text}`);
  out.push('');
  out.push(
    `  RSS after READY and ${world.guilds} GUILD_CREATEs (median of rounds): bare ${json.bare.rssMiB.toFixed(1)} MiB, ` +
      `full ${json.full.rssMiB.toFixed(1)} MiB (full − bare ${(json.full.rssMiB - json.bare.rssMiB).toFixed(1)} MiB; ` +
      `heap used ${json.bare.heapUsedMiB.toFixed(1)} / ${json.full.heapUsedMiB.toFixed(1)} MiB)`,
  );
  out.push('');
  out.push(`BENCH_JSON ${JSON.stringify(json)}`);
  console.log(out.join('\n'));
}
