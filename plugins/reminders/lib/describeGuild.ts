import type { EntityManager } from '@mikro-orm/core';
import type { PluginGuildDescription } from 'mellow';
import { ACTIVE_STATES, Reminder } from '../entities/Reminder';
import { guildZone } from './settings';

/** The server's default zone and the channels its channel reminders post in (no reminder text). */
export async function describeGuild(em: EntityManager, guildId: string): Promise<PluginGuildDescription> {
  const channelReminders = await em.find(
    Reminder,
    { guildId, target: 'channel', state: { $in: ACTIVE_STATES } },
    { fields: ['channelId'] },
  );
  const channelIds = [...new Set(channelReminders.map((reminder) => reminder.channelId).filter((id) => id !== null))];
  return {
    settings: {
      'default time zone': (await guildZone(em, guildId)) ?? 'UTC (not set)',
      'active channel reminders': channelReminders.length,
    },
    channels: channelIds.map((channelId) => ({
      label: 'channel reminders',
      channelId,
      permissions: ['ViewChannel', 'SendMessages', 'EmbedLinks', 'ReadMessageHistory'],
    })),
  };
}
