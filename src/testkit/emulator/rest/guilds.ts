import { PermissionFlagsBits as P } from 'discord.js';
import type { EmulatorContext } from '../context';
import { Errors } from '../errors';
import { type Json, channelPayload, guildPayload, memberPayload, rolePayload } from '../payloads';
import { basePermissions, isThread } from '../permissions';
import { compareSnowflakes } from '../snowflake';
import type { ChannelRecord, MemberRecord, OverwriteRecord } from '../state';
import { highestRolePosition, requireBotInGuild } from './access';
import { type Router, json, noContent } from './router';

function requireGuildPermission(ctx: EmulatorContext, guildId: string, bits: bigint): void {
  const perms = basePermissions(ctx.state.guild(guildId), ctx.config.botUserId);
  if ((perms & bits) !== bits) throw Errors.missingPermissions();
}

function memberUpdate(ctx: EmulatorContext, member: MemberRecord): Json {
  const payload = { ...memberPayload(ctx.state, member), guild_id: member.guildId };
  ctx.dispatch('GUILD_MEMBER_UPDATE', payload);
  return payload;
}

/** Role changes need Manage Roles and a role below the bot's highest role. */
function checkRoleChange(ctx: EmulatorContext, guildId: string, roleIds: string[]): void {
  requireGuildPermission(ctx, guildId, P.ManageRoles);
  const guild = ctx.state.guild(guildId);
  const top = highestRolePosition(ctx, guildId, ctx.config.botUserId);
  for (const id of roleIds) {
    const role = guild.roles.get(id);
    if (!role) throw Errors.unknownRole();
    if (role.position >= top || role.managed) throw Errors.missingPermissions();
  }
}

export function registerGuildRoutes(router: Router): void {
  router.get('/guilds/:guildId', ({ ctx, params, query }) => {
    requireBotInGuild(ctx, params.guildId);
    const guild = ctx.state.guild(params.guildId);
    const payload = guildPayload(guild);
    if (query.get('with_counts') === 'true') {
      payload.approximate_member_count = guild.members.size;
      payload.approximate_presence_count = 0;
    }
    return json(payload);
  });

  router.get('/guilds/:guildId/channels', ({ ctx, params }) => {
    requireBotInGuild(ctx, params.guildId);
    const guild = ctx.state.guild(params.guildId);
    const channels = ctx.state.guildChannels(guild.id).filter((c) => !isThread(c));
    return json(channels.map((c) => channelPayload(ctx.state, c)));
  });

  router.post('/guilds/:guildId/channels', ({ ctx, params, body }) => {
    const guild = ctx.state.guild(params.guildId);
    requireGuildPermission(ctx, guild.id, P.ManageChannels);
    const overwrites = Array.isArray(body.permission_overwrites) ? (body.permission_overwrites as Json[]) : [];
    const channel: ChannelRecord = {
      id: ctx.state.ids.next(),
      type: typeof body.type === 'number' ? body.type : 0,
      name: String(body.name ?? 'channel'),
      guildId: guild.id,
      parentId: typeof body.parent_id === 'string' ? body.parent_id : null,
      position: ctx.state.guildChannels(guild.id).length,
      topic: typeof body.topic === 'string' ? body.topic : null,
      nsfw: body.nsfw === true,
      rateLimitPerUser: 0,
      overwrites: overwrites.map((o): OverwriteRecord => ({
        id: String(o.id),
        type: o.type === 1 || o.type === 'member' ? 1 : 0,
        allow: BigInt(String(o.allow ?? 0)),
        deny: BigInt(String(o.deny ?? 0)),
      })),
      lastMessageId: null,
      messageCount: 0,
      createdAt: ctx.state.now(),
    };
    ctx.state.channels.set(channel.id, channel);
    const payload = channelPayload(ctx.state, channel);
    ctx.dispatch('CHANNEL_CREATE', payload);
    return json(payload, 201);
  });

  router.get('/guilds/:guildId/roles', ({ ctx, params }) =>
    json([...ctx.state.guild(params.guildId).roles.values()].map(rolePayload)),
  );

  router.get('/guilds/:guildId/members', ({ ctx, params, query }) => {
    const guild = ctx.state.guild(params.guildId);
    const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 1)));
    const after = query.get('after') ?? '0';
    const members = [...guild.members.values()]
      .filter((m) => compareSnowflakes(m.userId, after) > 0)
      .sort((a, b) => compareSnowflakes(a.userId, b.userId))
      .slice(0, limit);
    return json(members.map((m) => memberPayload(ctx.state, m)));
  });

  router.get('/guilds/:guildId/members/search', ({ ctx, params, query }) => {
    const guild = ctx.state.guild(params.guildId);
    const q = (query.get('query') ?? '').toLowerCase();
    const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 1)));
    const found = [...guild.members.values()].filter((m) => {
      const user = ctx.state.user(m.userId);
      return [user.username, user.globalName ?? '', m.nick ?? ''].some((n) => n.toLowerCase().startsWith(q));
    });
    return json(found.slice(0, limit).map((m) => memberPayload(ctx.state, m)));
  });

  router.get('/guilds/:guildId/members/:userId', ({ ctx, params }) =>
    json(memberPayload(ctx.state, ctx.state.member(params.guildId, params.userId))),
  );

  router.patch('/guilds/:guildId/members/:userId', ({ ctx, params, body }) => {
    const member = ctx.state.member(params.guildId, params.userId);
    if (Array.isArray(body.roles)) {
      const next = (body.roles as string[]).filter((id) => id !== params.guildId);
      const changed = [
        ...next.filter((id) => !member.roleIds.includes(id)),
        ...member.roleIds.filter((id) => !next.includes(id)),
      ];
      checkRoleChange(ctx, params.guildId, changed);
      member.roleIds = next;
    }
    if (typeof body.nick === 'string' || body.nick === null) {
      requireGuildPermission(
        ctx,
        params.guildId,
        params.userId === ctx.config.botUserId ? P.ChangeNickname : P.ManageNicknames,
      );
      member.nick = body.nick || null;
    }
    return json(memberUpdate(ctx, member));
  });

  router.put('/guilds/:guildId/members/:userId/roles/:roleId', ({ ctx, params }) => {
    const member = ctx.state.member(params.guildId, params.userId);
    checkRoleChange(ctx, params.guildId, [params.roleId]);
    if (!member.roleIds.includes(params.roleId)) member.roleIds.push(params.roleId);
    memberUpdate(ctx, member);
    return noContent();
  });

  router.delete('/guilds/:guildId/members/:userId/roles/:roleId', ({ ctx, params }) => {
    const member = ctx.state.member(params.guildId, params.userId);
    checkRoleChange(ctx, params.guildId, [params.roleId]);
    member.roleIds = member.roleIds.filter((id) => id !== params.roleId);
    memberUpdate(ctx, member);
    return noContent();
  });

  router.delete('/guilds/:guildId/members/:userId', ({ ctx, params }) => {
    const guild = ctx.state.guild(params.guildId);
    const member = ctx.state.member(guild.id, params.userId);
    requireGuildPermission(ctx, guild.id, P.KickMembers);
    const top = highestRolePosition(ctx, guild.id, ctx.config.botUserId);
    if (guild.ownerId === member.userId || highestRolePosition(ctx, guild.id, member.userId) >= top) {
      throw Errors.missingPermissions();
    }
    guild.members.delete(member.userId);
    ctx.dispatch('GUILD_MEMBER_REMOVE', { guild_id: guild.id, user: memberPayload(ctx.state, member).user });
    return noContent();
  });
}
