import type { RuntimeLatency } from 'mellow';
import type { ChannelCheck } from './channels';
import type { DiagnosticsReport, PluginCheck } from './collect';

export interface Problem {
  problem: string;
  /** One line saying how to fix it. */
  fix: string;
}

/** Above this a round trip is worth mentioning: commands start to feel slow. */
const SLOW_MS = 500;

const list = (names: string[]) => names.join(', ');

function channelProblem(plugin: string, check: ChannelCheck): Problem | null {
  const where = `the ${plugin} ${check.label} (<#${check.channelId}>)`;
  const change = plugin === 'core' ? '`/settings log-channel`' : `the ${plugin} plugin's settings`;
  switch (check.state) {
    case 'missing':
      return { problem: `${where} no longer exists.`, fix: `Pick another channel with ${change}, or clear it.` };
    case 'no-access':
      return {
        problem: `Mellow cannot see ${where}.`,
        fix: 'In the channel’s settings → Permissions, add Mellow’s role and allow View Channel.',
      };
    case 'lacking':
      return {
        problem: `In ${where} Mellow lacks ${list(check.missing)}.`,
        fix: `In the channel’s settings → Permissions, allow ${list(check.missing)} for Mellow’s role.`,
      };
    default:
      return null;
  }
}

function pluginProblems(plugin: PluginCheck): Problem[] {
  if (plugin.status === 'failed') {
    return [
      {
        problem: `The ${plugin.name} plugin failed to load: ${plugin.error ?? 'unknown reason'}.`,
        fix: 'A bot operator must fix the cause shown in the startup log and restart Mellow.',
      },
    ];
  }
  if (plugin.status === 'disabled') return [];
  const problems: Problem[] = [];
  if (plugin.missing.length > 0) {
    problems.push({
      problem: `The ${plugin.name} plugin needs ${list(plugin.missing)}, which Mellow lacks on this server.`,
      fix: `Server Settings → Roles → Mellow: allow ${list(plugin.missing)} (or \`/plugins disable ${plugin.name}\`).`,
    });
  }
  if (plugin.describeFailed) {
    problems.push({
      problem: `The ${plugin.name} plugin could not report its setup.`,
      fix: 'Try again later; if it persists, a bot operator should check the logs.',
    });
  }
  for (const channel of plugin.channels) {
    const problem = channelProblem(plugin.name, channel);
    if (problem) problems.push(problem);
  }
  return problems;
}

function latencyProblems(latency: RuntimeLatency): Problem[] {
  const problems: Problem[] = [];
  if (latency.databaseMs === null) {
    problems.push({
      problem: 'The database does not answer: settings and tickets cannot be saved.',
      fix: 'A bot operator must check PostgreSQL (DATABASE_URL).',
    });
  } else if (latency.databaseMs > SLOW_MS) {
    problems.push({
      problem: `The database is slow (${Math.round(latency.databaseMs)} ms).`,
      fix: 'A bot operator should check the database server’s load.',
    });
  }
  if (latency.schedulerMs === null) {
    problems.push({
      problem: 'The scheduler (Redis) is down: reminders and scheduled posts wait.',
      fix: 'A bot operator must check Redis (REDIS_URL); work resumes by itself when it is back.',
    });
  }
  return problems;
}

export function findProblems(report: Omit<DiagnosticsReport, 'problems'>): Problem[] {
  return [...latencyProblems(report.latency), ...report.plugins.flatMap(pluginProblems)];
}
