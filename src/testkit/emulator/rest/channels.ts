import { PermissionFlagsBits as P } from 'discord.js';
import type { EmulatorContext } from '../context';
import { ApiError, Errors } from '../errors';
import { channelPayload } from '../payloads';
import { compareSnowflakes } from '../snowflake';
import type { ChannelRecord, MessageRecord } from '../state';
import { botPermissions, requireBotPermissions, visibleChannel } from './access';
import { type Router, json, noContent } from './router';

/** Checks what Discord checks before the bot posts in a channel; returns the body to use. */
function checkSend(ctx: EmulatorContext, channel: ChannelRecord, body: Record<string, unknown>, fileCount: number) {
  if (channel.type === 4 || channel.type === 2 || channel.type === 15) {
    throw new ApiError(400, 50008, 'Cannot send messages in a non-text channel');
  }
  if (channel.recipientId) {
    const recipient = ctx.state.user(channel.recipientId);
    if (recipient.dmsClosed || recipient.bot) throw Errors.cannotMessageUser();
    return body;
  }
  let required = P.SendMessages;
  if (fileCount > 0) required |= P.AttachFiles;
  if (body.message_reference) required |= P.ReadMessageHistory;
  requireBotPermissions(ctx, channel, required);
  // Without Embed Links, Discord silently drops the embeds.
  if (!(botPermissions(ctx, channel) & P.EmbedLinks) && Array.isArray(body.embeds)) return { ...body, embeds: [] };
  return body;
}

function ownMessage(ctx: EmulatorContext, channelId: string, messageId: string): MessageRecord {
  const message = ctx.state.message(channelId, messageId);
  if (message.flags & 64) throw Errors.unknownMessage();
  return message;
}

export function registerChannelRoutes(router: Router): void {
  router.get('/channels/:channelId', ({ ctx, params }) =>
    json(channelPayload(ctx.state, visibleChannel(ctx, params.channelId))),
  );

  router.patch('/channels/:channelId', ({ ctx, params, body }) => {
    const channel = visibleChannel(ctx, params.channelId);
    requireBotPermissions(ctx, channel, channel.type >= 10 && channel.type <= 12 ? P.ManageThreads : P.ManageChannels);
    if (typeof body.name === 'string') channel.name = body.name;
    if (typeof body.topic === 'string' || body.topic === null) channel.topic = body.topic;
    if (typeof body.archived === 'boolean') channel.archived = body.archived;
    if (typeof body.locked === 'boolean') channel.locked = body.locked;
    if (typeof body.rate_limit_per_user === 'number') channel.rateLimitPerUser = body.rate_limit_per_user;
    const payload = channelPayload(ctx.state, channel);
    ctx.dispatch(channel.type >= 10 && channel.type <= 12 ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', payload);
    return json(payload);
  });

  router.get('/channels/:channelId/messages', ({ ctx, params, query }) => {
    const channel = visibleChannel(ctx, params.channelId);
    requireBotPermissions(ctx, channel, P.ReadMessageHistory);
    const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50)));
    const all = ctx.state
      .channelMessages(channel.id)
      .filter((m) => !(m.flags & 64))
      .sort((a, b) => compareSnowflakes(b.id, a.id));
    const before = query.get('before');
    const after = query.get('after');
    const around = query.get('around');
    let picked: MessageRecord[];
    if (after) {
      picked = all.filter((m) => compareSnowflakes(m.id, after) > 0).slice(-limit);
    } else if (around) {
      const older = all.filter((m) => compareSnowflakes(m.id, around) <= 0).slice(0, Math.ceil(limit / 2));
      const newer = all.filter((m) => compareSnowflakes(m.id, around) > 0).slice(-Math.floor(limit / 2));
      picked = [...newer, ...older];
    } else {
      picked = (before ? all.filter((m) => compareSnowflakes(m.id, before) < 0) : all).slice(0, limit);
    }
    return json(picked.map((m) => ctx.messages.payload(m)));
  });

  router.post('/channels/:channelId/messages', ({ ctx, params, body, files }) => {
    const channel = ctx.state.channel(params.channelId);
    const effective = checkSend(ctx, channel, body, files.length);
    const message = ctx.messages.create({ channel, authorId: ctx.config.botUserId, body: effective, files });
    return json(ctx.messages.payload(message));
  });

  router.get('/channels/:channelId/messages/:messageId', ({ ctx, params }) => {
    const channel = visibleChannel(ctx, params.channelId);
    requireBotPermissions(ctx, channel, P.ReadMessageHistory);
    return json(ctx.messages.payload(ownMessage(ctx, channel.id, params.messageId)));
  });

  router.patch('/channels/:channelId/messages/:messageId', ({ ctx, params, body, files }) => {
    const message = ownMessage(ctx, visibleChannel(ctx, params.channelId).id, params.messageId);
    if (message.authorId !== ctx.config.botUserId) {
      // Others' messages: only the SUPPRESS_EMBEDS flag may change.
      if (Object.keys(body).some((k) => k !== 'flags') || files.length > 0) throw Errors.cannotEditOthers();
    }
    return json(ctx.messages.payload(ctx.messages.update(message, body, files)));
  });

  router.delete('/channels/:channelId/messages/:messageId', ({ ctx, params }) => {
    const channel = visibleChannel(ctx, params.channelId);
    const message = ownMessage(ctx, channel.id, params.messageId);
    if (message.authorId !== ctx.config.botUserId) requireBotPermissions(ctx, channel, P.ManageMessages);
    ctx.messages.delete(message);
    return noContent();
  });

  router.post('/channels/:channelId/messages/bulk-delete', ({ ctx, params, body }) => {
    const channel = visibleChannel(ctx, params.channelId);
    requireBotPermissions(ctx, channel, P.ManageMessages);
    const ids = Array.isArray(body.messages) ? (body.messages as string[]) : [];
    if (ids.length < 2 || ids.length > 100) {
      throw new ApiError(400, 50016, 'You must provide at least 2 and fewer than 100 messages to delete.');
    }
    for (const id of ids) {
      const message = ctx.state.messages.get(id);
      if (message && message.channelId === channel.id) ctx.messages.delete(message);
    }
    return noContent();
  });

  router.put('/channels/:channelId/messages/:messageId/reactions/:emoji/@me', ({ ctx, params }) => {
    const channel = visibleChannel(ctx, params.channelId);
    requireBotPermissions(ctx, channel, P.ReadMessageHistory | P.AddReactions);
    const message = ownMessage(ctx, channel.id, params.messageId);
    const users = message.reactions.get(params.emoji) ?? new Set<string>();
    users.add(ctx.config.botUserId);
    message.reactions.set(params.emoji, users);
    ctx.dispatch('MESSAGE_REACTION_ADD', {
      user_id: ctx.config.botUserId,
      channel_id: channel.id,
      message_id: message.id,
      ...(channel.guildId ? { guild_id: channel.guildId } : {}),
      emoji: { id: null, name: params.emoji },
      burst: false,
      type: 0,
    });
    return noContent();
  });

  router.delete('/channels/:channelId/messages/:messageId/reactions/:emoji/@me', ({ ctx, params }) => {
    const message = ownMessage(ctx, visibleChannel(ctx, params.channelId).id, params.messageId);
    message.reactions.get(params.emoji)?.delete(ctx.config.botUserId);
    if (message.reactions.get(params.emoji)?.size === 0) message.reactions.delete(params.emoji);
    return noContent();
  });

  router.get('/channels/:channelId/pins', ({ ctx, params }) => {
    const channel = visibleChannel(ctx, params.channelId);
    const pinned = ctx.state.channelMessages(channel.id).filter((m) => m.pinned);
    return json(pinned.map((m) => ctx.messages.payload(m)));
  });

  router.put('/channels/:channelId/pins/:messageId', ({ ctx, params }) => {
    const channel = visibleChannel(ctx, params.channelId);
    requireBotPermissions(ctx, channel, P.ManageMessages);
    ownMessage(ctx, channel.id, params.messageId).pinned = true;
    return noContent();
  });

  router.delete('/channels/:channelId/pins/:messageId', ({ ctx, params }) => {
    const channel = visibleChannel(ctx, params.channelId);
    requireBotPermissions(ctx, channel, P.ManageMessages);
    ownMessage(ctx, channel.id, params.messageId).pinned = false;
    return noContent();
  });

  router.post('/channels/:channelId/typing', ({ ctx, params }) => {
    const channel = visibleChannel(ctx, params.channelId);
    if (channel.guildId) requireBotPermissions(ctx, channel, P.SendMessages);
    return noContent();
  });
}
