import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { type GuildBasedChannel, PermissionFlagsBits } from 'discord.js';
import { type ReplyContent, discordTime } from 'mellow';
import { type SettingsChange, guildSettings, setOptOut, updateGuildSettings } from './guildSettings';
import { countryName, looksLikeCountryCode, resolveCountry } from './resources';

const ALERT_PERMISSIONS = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
] as const;

export const NOT_ADMIN: ReplyContent = {
  outcome: 'error',
  title: 'Only server admins can change this',
  description: 'Changing crisis detection needs the **Manage Server** permission. Ask a server admin.',
};

export interface SettingsInput {
  detection?: boolean;
  alertChannel?: GuildBasedChannel | null;
  country?: string;
  keepText?: boolean;
}

export async function settingsView(
  em: EntityManager,
  guildId: string,
  title = 'Crisis detection settings',
): Promise<ReplyContent> {
  const settings = await guildSettings(em, guildId);
  const country = settings.country
    ? `${countryName(settings.country)} (${settings.country})`
    : 'not set: international directories';
  return {
    outcome: 'info',
    title,
    description: [
      `**Detection:** ${settings.detection ? 'on' : 'off'}`,
      `**Alert channel:** ${settings.alertChannelId ? `<#${settings.alertChannelId}>` : 'none (check-in DMs only, no staff alerts)'}`,
      `**Country for resources:** ${country}`,
      `**Keep message text in crisis events:** ${settings.retainText ? 'yes (encrypted)' : 'no'}`,
      settings.updatedBy ? `\nLast changed by <@${settings.updatedBy}> ${discordTime(settings.updatedAt, 'R')}.` : '',
      '',
      'Detection reads messages, rates them from safe to critical, sends a gentle check-in DM (at most one per person every few hours) and, for high and critical, alerts the alert channel. It never deletes, mutes or punishes.',
    ].join('\n'),
  };
}

/** Validates every option first; a bad one changes nothing. */
export async function changeSettings(
  em: EntityManager,
  guildId: string,
  userId: string,
  input: SettingsInput,
): Promise<ReplyContent> {
  const change: SettingsChange = {};
  if (input.country !== undefined) {
    const code =
      resolveCountry(input.country) ?? (looksLikeCountryCode(input.country) ? input.country.toUpperCase() : null);
    if (!code) {
      return {
        outcome: 'error',
        title: 'Unknown country',
        description: `I don't recognise “${input.country.slice(0, 40)}”. Use a two-letter code such as GB, US or DE. Nothing was changed.`,
      };
    }
    change.country = code;
  }
  if (input.alertChannel !== undefined) {
    const problem = input.alertChannel ? alertChannelProblem(input.alertChannel) : null;
    if (problem)
      return { outcome: 'error', title: 'I can’t post alerts there', description: `${problem} Nothing was changed.` };
    change.alertChannelId = input.alertChannel?.id ?? null;
  }
  if (input.detection !== undefined) change.detection = input.detection;
  if (input.keepText !== undefined) change.retainText = input.keepText;
  if (Object.keys(change).length === 0) return settingsView(em, guildId);
  const saved = await updateGuildSettings(em, guildId, change, userId);
  container.mellow.systemLog.record({
    type: 'settings',
    guildId,
    userId,
    title: `Crisis detection settings changed: ${Object.keys(change).join(', ')}`,
    metadata: { ...change },
  });
  const view = await settingsView(em, guildId, 'Saved');
  const warning =
    saved.detection && !saved.alertChannelId
      ? '\n\n⚠️ There is no alert channel, so moderators won’t hear about high and critical messages. Set one with `alert-channel`.'
      : '';
  return { ...view, outcome: warning ? 'warning' : 'success', description: `${view.description}${warning}` };
}

function alertChannelProblem(channel: GuildBasedChannel): string | null {
  if (!channel.isTextBased() || channel.isVoiceBased()) return `${channel} is not a text channel.`;
  const me = channel.guild.members.me;
  const permissions = me ? channel.permissionsFor(me) : null;
  const missing = ALERT_PERMISSIONS.filter(([, flag]) => !permissions?.has(flag)).map(([name]) => name);
  return missing.length ? `I need ${missing.join(', ')} in ${channel}. Give me those, then try again.` : null;
}

export async function optOutReply(em: EntityManager, userId: string, optedOut: boolean): Promise<ReplyContent> {
  const changed = await setOptOut(em, userId, optedOut);
  if (optedOut) {
    return {
      outcome: 'success',
      title: changed ? 'You’re opted out' : 'You were already opted out',
      description:
        'Mellow won’t check your messages for signs of crisis in any server, and won’t send you check-in DMs. Change your mind any time with `/coping optin`. If you ever need support, `/resources` lists people you can talk to.',
    };
  }
  return {
    outcome: 'success',
    title: changed ? 'You’re opted back in' : 'You were already opted in',
    description:
      'In servers that turned crisis detection on, Mellow may send you a gentle check-in if a message suggests you’re struggling. Opt out with `/coping optout`.',
  };
}
