import { container } from '@sapphire/framework';
import {
  type APIChannel,
  type APIMessage,
  DiscordAPIError,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from 'discord.js';

/** Discord error codes that decide where a reminder goes instead. */
export const DiscordCodes = {
  unknownChannel: 10003,
  missingAccess: 50001,
  cannotDmUser: 50007,
  missingPermissions: 50013,
} as const;

export type SendFailure = 'dm-refused' | 'channel-gone' | 'no-permission' | 'transient';

/** What a failed send means for the reminder: a refused DM, an unusable channel, or try again later. */
export function classify(error: unknown): SendFailure {
  if (!(error instanceof DiscordAPIError)) return 'transient';
  if (error.code === DiscordCodes.cannotDmUser) return 'dm-refused';
  if (error.code === DiscordCodes.unknownChannel) return 'channel-gone';
  if (error.code === DiscordCodes.missingPermissions || error.code === DiscordCodes.missingAccess)
    return 'no-permission';
  return error.status >= 500 || error.status === 429 ? 'transient' : 'no-permission';
}

export const errorCode = (error: unknown): number | string | null =>
  error instanceof DiscordAPIError ? error.code : error instanceof Error ? error.name : null;

// Straight REST, not the gateway cache: any process may deliver, and one request per message is the goal.
export async function postMessage(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<APIMessage> {
  return (await container.client.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
}

export async function openDm(userId: string): Promise<string> {
  const channel = (await container.client.rest.post(Routes.userChannels(), {
    body: { recipient_id: userId },
  })) as APIChannel;
  return channel.id;
}

export async function recentMessages(channelId: string, limit = 50): Promise<APIMessage[]> {
  return (await container.client.rest.get(Routes.channelMessages(channelId), {
    query: new URLSearchParams({ limit: String(limit) }),
  })) as APIMessage[];
}
