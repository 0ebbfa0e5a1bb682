import { GatewayIntentBits as I } from 'discord.js';
import type { Json } from './payloads';

type IntentRule = bigint | ((data: Json) => bigint);

const byGuild = (guild: number, direct: number) => (data: Json) => BigInt(data.guild_id ? guild : direct);

/** Which intent a dispatch needs; events not listed (READY, INTERACTION_CREATE...) always go out. */
const EVENT_INTENTS: Record<string, IntentRule> = {
  GUILD_CREATE: BigInt(I.Guilds),
  GUILD_UPDATE: BigInt(I.Guilds),
  GUILD_DELETE: BigInt(I.Guilds),
  GUILD_ROLE_CREATE: BigInt(I.Guilds),
  GUILD_ROLE_UPDATE: BigInt(I.Guilds),
  GUILD_ROLE_DELETE: BigInt(I.Guilds),
  CHANNEL_CREATE: BigInt(I.Guilds),
  CHANNEL_UPDATE: BigInt(I.Guilds),
  CHANNEL_DELETE: BigInt(I.Guilds),
  THREAD_CREATE: BigInt(I.Guilds),
  THREAD_UPDATE: BigInt(I.Guilds),
  THREAD_DELETE: BigInt(I.Guilds),
  GUILD_MEMBER_ADD: BigInt(I.GuildMembers),
  GUILD_MEMBER_UPDATE: BigInt(I.GuildMembers),
  GUILD_MEMBER_REMOVE: BigInt(I.GuildMembers),
  INVITE_CREATE: BigInt(I.GuildInvites),
  INVITE_DELETE: BigInt(I.GuildInvites),
  PRESENCE_UPDATE: BigInt(I.GuildPresences),
  MESSAGE_CREATE: byGuild(I.GuildMessages, I.DirectMessages),
  MESSAGE_UPDATE: byGuild(I.GuildMessages, I.DirectMessages),
  MESSAGE_DELETE: byGuild(I.GuildMessages, I.DirectMessages),
  MESSAGE_DELETE_BULK: byGuild(I.GuildMessages, I.DirectMessages),
  MESSAGE_REACTION_ADD: byGuild(I.GuildMessageReactions, I.DirectMessageReactions),
  MESSAGE_REACTION_REMOVE: byGuild(I.GuildMessageReactions, I.DirectMessageReactions),
  TYPING_START: byGuild(I.GuildMessageTyping, I.DirectMessageTyping),
};

/**
 * Applies a session's intents to a dispatch: null when the session did not ask for the event;
 * message content blanked without the MessageContent intent (except the bot's own messages, DMs and
 * messages that mention the bot), like Discord does.
 */
export function filterForIntents(event: string, data: Json, intents: bigint, botUserId: string): Json | null {
  const rule = EVENT_INTENTS[event];
  if (rule !== undefined) {
    const needed = typeof rule === 'function' ? rule(data) : rule;
    if ((intents & needed) === 0n) return null;
  }
  if ((event === 'MESSAGE_CREATE' || event === 'MESSAGE_UPDATE') && !(intents & BigInt(I.MessageContent))) {
    const author = data.author as Json | undefined;
    const mentions = (data.mentions as Json[] | undefined) ?? [];
    const exempt = !data.guild_id || author?.id === botUserId || mentions.some((m) => m.id === botUserId);
    if (!exempt) {
      const copy: Json = { ...data, content: '', embeds: [], attachments: [], components: [] };
      delete copy.poll;
      return copy;
    }
  }
  return data;
}
