import { discordTime, redactor, type ReplyContent } from 'mellow';
import type { ChannelCheck } from './channels';
import type { DiagnosticsReport, PluginCheck } from './collect';

const ms = (value: number | null, down = '**down**') => (value === null ? down : `${Math.round(value)} ms`);

const CHANNEL_STATE: Record<ChannelCheck['state'], string> = {
  ok: 'ok',
  unset: 'not set',
  missing: 'deleted',
  'no-access': 'hidden from Mellow',
  lacking: 'missing permissions',
};

function pluginLine(plugin: PluginCheck): string {
  if (plugin.status === 'failed') return `❌ **${plugin.name}**: failed to load`;
  if (plugin.status === 'disabled') return `⏸️ **${plugin.name}**: off here`;
  const channels = plugin.channels.map(
    (c) => `${c.label} ${c.channelId ? `<#${c.channelId}> ` : ''}${CHANNEL_STATE[c.state]}`,
  );
  const healthy = plugin.missing.length === 0 && plugin.channels.every((c) => c.state === 'ok' || c.state === 'unset');
  const details = [plugin.missing.length > 0 ? `lacks ${plugin.missing.join(', ')}` : 'permissions ok', ...channels];
  return `${healthy ? '✅' : '⚠️'} **${plugin.name}**: ${details.join('; ')}`;
}

/** The one-view health report an admin reads. */
export function formatDiagnostics(report: DiagnosticsReport): ReplyContent {
  const { latency } = report;
  const sections = [
    `**Health:** database ${ms(latency.databaseMs)} · scheduler ${ms(latency.schedulerMs)} · gateway ping ${ms(latency.gatewayPingMs, 'not measured yet')} · shard ${report.shardId}`,
    '',
    report.problems.length === 0
      ? '**Problems:** none found 🎉'
      : [
          `**Problems (${report.problems.length}):**`,
          ...report.problems.map((p) => `• ${p.problem}\n  ↳ ${p.fix}`),
        ].join('\n'),
    '',
    '**Plugins:**',
    ...report.plugins.map(pluginLine),
    '',
    report.recentErrors.length === 0
      ? '**Recent errors:** none'
      : [
          '**Recent errors:**',
          ...report.recentErrors.map(
            (e) => `• ${discordTime(e.at, 'R')} ${e.title}${e.reference ? ` (ref \`${e.reference}\`)` : ''}`,
          ),
        ].join('\n'),
  ];
  return {
    outcome: report.problems.length === 0 ? 'success' : 'warning',
    title: `Diagnostics for ${report.guildName}`.slice(0, 256),
    description: redactor.redact(sections.join('\n')),
  };
}

/** The report as a JSON file for a support ticket: no message text, secrets redacted. */
export function diagnosticsSnapshot(report: DiagnosticsReport): Buffer {
  const plain = JSON.parse(JSON.stringify(report)) as unknown;
  return Buffer.from(JSON.stringify(redactor.redactValue(plain), null, 2));
}
