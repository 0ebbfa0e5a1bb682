import { container } from '@sapphire/framework';
import type { Guild } from 'discord.js';
import { measureLatency, redactor, type RuntimeLatency, SystemLog } from 'mellow';
import { describePlugins, type PluginDescription } from '../pluginDescriptions';
import { type ChannelCheck, checkChannel } from './channels';
import { botMember, missingPermissions } from './permissions';
import { findProblems, type Problem } from './problems';

export interface PluginCheck {
  name: string;
  status: 'enabled' | 'disabled' | 'failed';
  /** Why it failed to load (redacted). */
  error?: string;
  /** Server-wide permissions the bot lacks for it. */
  missing: string[];
  channels: ChannelCheck[];
  /** The plugin's describeGuild hook threw. */
  describeFailed: boolean;
}

export interface RecentError {
  at: Date;
  title: string;
  reference: string | null;
}

export interface DiagnosticsReport {
  guildId: string;
  guildName: string;
  shardId: number;
  latency: RuntimeLatency;
  plugins: PluginCheck[];
  recentErrors: RecentError[];
  problems: Problem[];
  generatedAt: Date;
}

const LOG_CHANNEL_PERMISSIONS = ['ViewChannel', 'SendMessages', 'EmbedLinks'] as const;

async function checkPlugin(guild: Guild, described: PluginDescription): Promise<PluginCheck> {
  const base = { name: described.name, missing: [], channels: [], describeFailed: false };
  if (described.status !== 'enabled') return { ...base, status: described.status, error: described.error };
  const me = await botMember(guild);
  const channels = await Promise.all(described.channels.map((channel) => checkChannel(guild, me, channel)));
  return {
    ...base,
    status: 'enabled',
    missing: missingPermissions(me.permissions, described.permissions),
    channels,
    describeFailed: described.describeFailed,
  };
}

async function recentErrors(guildId: string): Promise<RecentError[]> {
  const rows = await container.mellow.orm.em.fork().find(
    SystemLog,
    {
      guildId,
      type: { $ne: 'crisis' },
      $or: [{ type: 'error' }, { severity: { $in: ['error', 'critical'] } }],
    },
    { orderBy: { id: 'desc' }, limit: 5 },
  );
  // Titles only: descriptions may quote what a user typed.
  return rows.map((row) => ({
    at: row.createdAt,
    title: redactor.redact(row.title),
    reference: typeof row.metadata?.reference === 'string' ? row.metadata.reference : null,
  }));
}

/** One guild's health: plugins against the bot's permissions, channels, load failures, errors, latency. */
export async function collectDiagnostics(guild: Guild): Promise<DiagnosticsReport> {
  const core: PluginDescription = {
    name: 'core',
    status: 'enabled',
    permissions: [],
    settings: {},
    channels: [
      {
        label: 'log channel',
        channelId: container.mellow.settings.get(guild.id).logChannelId,
        permissions: [...LOG_CHANNEL_PERMISSIONS],
      },
    ],
    describeFailed: false,
  };
  const [latency, described, errors] = await Promise.all([
    measureLatency(),
    describePlugins(guild.id),
    recentErrors(guild.id),
  ]);
  const plugins = await Promise.all([core, ...described].map((plugin) => checkPlugin(guild, plugin)));
  const report = {
    guildId: guild.id,
    guildName: guild.name,
    shardId: guild.shardId,
    latency,
    plugins,
    recentErrors: errors,
    generatedAt: new Date(),
  };
  return { ...report, problems: findProblems(report) };
}
