import type { EmulatorContext } from './context';
import { type Json, channelPayload, memberPayload, userPayload } from './payloads';
import { channelPermissions } from './permissions';
import type { ChannelRecord } from './state';

export interface InteractionPayloadInput {
  id: string;
  token: string;
  type: number;
  userId: string;
  channel: ChannelRecord;
  data: Json;
  /** For components and modals opened from a message: the message object. */
  message?: Json;
}

/** The channel object inside an interaction: the channel plus the invoking user's permissions. */
export function interactionChannel(ctx: EmulatorContext, channel: ChannelRecord, userId: string): Json {
  const payload = channelPayload(ctx.state, channel);
  if (channel.guildId) payload.permissions = channelPermissions(ctx.state, channel, userId).toString();
  return payload;
}

/** Everything discord.js reads from INTERACTION_CREATE, shaped like Discord sends it. */
export function buildInteractionPayload(ctx: EmulatorContext, input: InteractionPayloadInput): Json {
  const { state, config } = ctx;
  const { channel } = input;
  const user = state.user(input.userId);
  const payload: Json = {
    id: input.id,
    application_id: config.applicationId,
    type: input.type,
    token: input.token,
    version: 1,
    channel_id: channel.id,
    channel: interactionChannel(ctx, channel, user.id),
    app_permissions: channelPermissions(state, channel, config.botUserId).toString(),
    locale: user.locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    data: input.data,
  };
  if (channel.guildId) {
    const guild = state.guild(channel.guildId);
    payload.guild_id = guild.id;
    payload.guild_locale = guild.preferredLocale;
    payload.guild = { id: guild.id, locale: guild.preferredLocale, features: [] };
    payload.member = {
      ...memberPayload(state, state.member(guild.id, user.id)),
      permissions: channelPermissions(state, channel, user.id).toString(),
    };
    payload.authorizing_integration_owners = { '0': guild.id };
    payload.context = 0;
  } else {
    payload.user = userPayload(user);
    payload.authorizing_integration_owners = { '0': '0' };
    payload.context = 1;
  }
  if (input.message) payload.message = input.message;
  return payload;
}

/** The InteractionCallbackResponse body of a callback sent with `?with_response=true`. */
export function callbackResponse(
  id: string,
  interactionType: number,
  callbackType: number,
  message: Json | null,
): Json {
  const interaction: Json = { id, type: interactionType };
  if (message) {
    const flags = Number(message.flags ?? 0);
    interaction.response_message_id = message.id;
    interaction.response_message_loading = (flags & 128) !== 0;
    interaction.response_message_ephemeral = (flags & 64) !== 0;
  }
  return { interaction, resource: { type: callbackType, ...(message ? { message } : {}) } };
}
