import { randomBytes } from 'node:crypto';
import { PermissionFlagsBits as P } from 'discord.js';
import type { EmulatorContext } from '../context';
import { ApiError, Errors } from '../errors';
import { type Json, channelPayload, guildPayload, userPayload } from '../payloads';
import type { ChannelRecord, InviteRecord } from '../state';
import { requireBotPermissions, visibleChannel } from './access';
import { type Router, json, noContent } from './router';

function createThread(
  ctx: EmulatorContext,
  parent: ChannelRecord,
  body: Json,
  id: string,
  type: number,
): ChannelRecord {
  if (typeof body.name !== 'string' || body.name.length < 1 || body.name.length > 100) {
    throw new ApiError(400, 50035, 'Invalid Form Body', {
      name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] },
    });
  }
  const thread: ChannelRecord = {
    id,
    type,
    name: body.name,
    guildId: parent.guildId,
    parentId: parent.id,
    position: 0,
    topic: null,
    nsfw: parent.nsfw,
    rateLimitPerUser: typeof body.rate_limit_per_user === 'number' ? body.rate_limit_per_user : 0,
    overwrites: [],
    lastMessageId: null,
    messageCount: 0,
    ownerId: ctx.config.botUserId,
    archived: false,
    locked: false,
    autoArchiveDuration: typeof body.auto_archive_duration === 'number' ? body.auto_archive_duration : 1440,
    createdAt: ctx.state.now(),
  };
  ctx.state.channels.set(thread.id, thread);
  ctx.dispatch('THREAD_CREATE', { ...channelPayload(ctx.state, thread), newly_created: true });
  return thread;
}

function invitePayload(ctx: EmulatorContext, invite: InviteRecord): Json {
  const expires =
    invite.maxAge > 0 ? new Date(Date.parse(invite.createdAt) + invite.maxAge * 1000).toISOString() : null;
  const guild = guildPayload(ctx.state.guild(invite.guildId));
  const channel = ctx.state.channel(invite.channelId);
  return {
    type: 0,
    code: invite.code,
    guild: {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      banner: null,
      features: [],
      verification_level: 0,
    },
    channel: { id: channel.id, name: channel.name, type: channel.type },
    inviter: userPayload(ctx.state.user(invite.inviterId)),
    max_age: invite.maxAge,
    max_uses: invite.maxUses,
    temporary: invite.temporary,
    created_at: invite.createdAt,
    uses: invite.uses,
    expires_at: expires,
  };
}

export function registerThreadRoutes(router: Router): void {
  router.post('/channels/:channelId/messages/:messageId/threads', ({ ctx, params, body }) => {
    const channel = visibleChannel(ctx, params.channelId);
    requireBotPermissions(ctx, channel, P.CreatePublicThreads | P.ReadMessageHistory);
    const message = ctx.state.message(channel.id, params.messageId);
    if (message.threadId) throw new ApiError(400, 160004, 'A thread has already been created for this message');
    const thread = createThread(ctx, channel, body, message.id, channel.type === 5 ? 10 : 11);
    message.threadId = thread.id;
    return json(channelPayload(ctx.state, thread), 201);
  });

  router.post('/channels/:channelId/threads', ({ ctx, params, body, files }) => {
    const channel = visibleChannel(ctx, params.channelId);
    const forum = channel.type === 15 || channel.type === 16;
    const type = forum ? 11 : typeof body.type === 'number' ? body.type : 12;
    requireBotPermissions(
      ctx,
      channel,
      type === 12 ? P.CreatePrivateThreads : forum ? P.SendMessages : P.CreatePublicThreads,
    );
    const thread = createThread(ctx, channel, body, ctx.state.ids.next(), type);
    if (!forum) return json(channelPayload(ctx.state, thread), 201);
    const starter = (body.message as Json | undefined) ?? {};
    const message = ctx.messages.create({ channel: thread, authorId: ctx.config.botUserId, body: starter, files });
    return json({ ...channelPayload(ctx.state, thread), message: ctx.messages.payload(message) }, 201);
  });

  router.put('/channels/:channelId/thread-members/:userId', ({ ctx, params }) => {
    visibleChannel(ctx, params.channelId);
    return noContent();
  });
  router.delete('/channels/:channelId/thread-members/:userId', ({ ctx, params }) => {
    visibleChannel(ctx, params.channelId);
    return noContent();
  });
  router.get('/channels/:channelId/threads/archived/public', ({ ctx, params }) => {
    visibleChannel(ctx, params.channelId);
    const threads = [...ctx.state.channels.values()].filter((c) => c.parentId === params.channelId && c.archived);
    return json({ threads: threads.map((t) => channelPayload(ctx.state, t)), members: [], has_more: false });
  });
  router.get('/guilds/:guildId/threads/active', ({ ctx, params }) => {
    const threads = ctx.state
      .guildChannels(ctx.state.guild(params.guildId).id)
      .filter((c) => c.type >= 10 && c.type <= 12 && !c.archived);
    return json({ threads: threads.map((t) => channelPayload(ctx.state, t)), members: [] });
  });

  router.post('/channels/:channelId/invites', ({ ctx, params, body }) => {
    const channel = visibleChannel(ctx, params.channelId);
    if (!channel.guildId) throw Errors.unknownChannel();
    requireBotPermissions(ctx, channel, P.CreateInstantInvite);
    const invite: InviteRecord = {
      code: randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8),
      guildId: channel.guildId,
      channelId: channel.id,
      inviterId: ctx.config.botUserId,
      maxAge: typeof body.max_age === 'number' ? body.max_age : 86400,
      maxUses: typeof body.max_uses === 'number' ? body.max_uses : 0,
      temporary: body.temporary === true,
      uses: 0,
      createdAt: ctx.state.now(),
    };
    ctx.state.invites.set(invite.code, invite);
    const payload = invitePayload(ctx, invite);
    ctx.dispatch('INVITE_CREATE', { ...payload, channel_id: channel.id, guild_id: channel.guildId });
    return json(payload);
  });
  router.get('/channels/:channelId/invites', ({ ctx, params }) => {
    const channel = visibleChannel(ctx, params.channelId);
    const invites = [...ctx.state.invites.values()].filter((i) => i.channelId === channel.id);
    return json(invites.map((i) => invitePayload(ctx, i)));
  });
  router.get('/guilds/:guildId/invites', ({ ctx, params }) => {
    const invites = [...ctx.state.invites.values()].filter((i) => i.guildId === ctx.state.guild(params.guildId).id);
    return json(invites.map((i) => invitePayload(ctx, i)));
  });
  router.get('/invites/:code', ({ ctx, params }) => {
    const invite = ctx.state.invites.get(params.code);
    if (!invite) throw Errors.unknownInvite();
    return json(invitePayload(ctx, invite));
  });
  router.delete('/invites/:code', ({ ctx, params }) => {
    const invite = ctx.state.invites.get(params.code);
    if (!invite) throw Errors.unknownInvite();
    ctx.state.invites.delete(invite.code);
    return json(invitePayload(ctx, invite));
  });
}
