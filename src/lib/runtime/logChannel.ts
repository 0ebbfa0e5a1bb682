import { container } from '@sapphire/framework';
import type { MellowServices } from '../container';
import type { SystemLogSeverity } from '../database/entities';
import { outcomeEmbed, type Outcome } from '../discord/embeds';
import { noMentions } from '../discord/replies';
import type { SystemLogEvent } from '../logging/SystemLogService';

const outcomeOf: Record<SystemLogSeverity, Outcome> = {
  info: 'info',
  warning: 'warning',
  error: 'error',
  critical: 'error',
};

/** Shows a system log event in the guild's log channel, when one is set. Fetches by REST, so any shard can post. */
export async function mirrorToLogChannel(
  services: MellowServices,
  event: SystemLogEvent & { createdAt: Date },
): Promise<void> {
  const channelId = event.guildId ? services.settings.get(event.guildId).logChannelId : null;
  if (!channelId) return;
  const channel = await container.client.channels.fetch(channelId);
  if (!channel?.isSendable()) return;
  const embed = {
    ...outcomeEmbed(outcomeOf[event.severity ?? 'info'], event.title, event.description ?? undefined),
    footer: { text: event.type },
    timestamp: event.createdAt.toISOString(),
  };
  await channel.send({ embeds: [embed], ...noMentions });
}
