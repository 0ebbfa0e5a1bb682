import type { EmulatorContext } from '../context';
import { Errors } from '../errors';
import { type Json, channelPayload, memberPayload, userPayload } from '../payloads';
import { basePermissions } from '../permissions';
import { type Router, json } from './router';

/** The application object (GET /applications/@me and /oauth2/applications/@me). */
export function applicationPayload(ctx: EmulatorContext): Json {
  const { state, config } = ctx;
  const bot = userPayload(state.user(config.botUserId));
  const owner = userPayload(state.user(config.ownerUserId));
  const team = config.teamId
    ? {
        id: config.teamId,
        icon: null,
        name: `${bot.username} Team`,
        owner_user_id: owner.id,
        members: [{ membership_state: 2, team_id: config.teamId, user: owner, role: 'admin', permissions: ['*'] }],
      }
    : null;
  return {
    id: config.applicationId,
    name: bot.username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: (1 << 14) | (1 << 18),
    owner: team ? { id: team.id, username: `team${team.id}`, discriminator: '0000', avatar: null, flags: 1024 } : owner,
    team,
    bot,
    approximate_guild_count: state.guilds.size,
    interactions_endpoint_url: null,
    redirect_uris: [],
    tags: [],
    integration_types_config: { '0': {} },
  };
}

export function registerUserRoutes(router: Router): void {
  router.get('/gateway', ({ ctx }) => json({ url: ctx.config.gatewayUrl }), { auth: false });
  router.get('/gateway/bot', ({ ctx }) =>
    json({
      url: ctx.config.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    }),
  );
  router.get('/users/@me', ({ ctx }) => json(userPayload(ctx.state.user(ctx.config.botUserId))));
  router.get('/users/:userId', ({ ctx, params }) => json(userPayload(ctx.state.user(params.userId))));
  router.get('/applications/@me', ({ ctx }) => json(applicationPayload(ctx)));
  router.get('/oauth2/applications/@me', ({ ctx }) => json(applicationPayload(ctx)));
  router.get('/users/@me/guilds', ({ ctx }) =>
    json(
      [...ctx.state.guilds.values()].map((g) => ({
        id: g.id,
        name: g.name,
        icon: null,
        banner: null,
        owner: false,
        permissions: basePermissions(g, ctx.config.botUserId).toString(),
        features: [],
      })),
    ),
  );
  router.get('/users/@me/guilds/:guildId/member', ({ ctx, params }) =>
    json(memberPayload(ctx.state, ctx.state.member(params.guildId, ctx.config.botUserId))),
  );
  router.delete('/users/@me/guilds/:guildId', ({ ctx, params }) => {
    const guild = ctx.state.guild(params.guildId);
    guild.members.delete(ctx.config.botUserId);
    ctx.state.guilds.delete(guild.id);
    ctx.dispatch('GUILD_DELETE', { id: guild.id });
    return { status: 204 };
  });
  router.post('/users/@me/channels', ({ ctx, body }) => {
    const recipientId = typeof body.recipient_id === 'string' ? body.recipient_id : '';
    const user = ctx.state.users.get(recipientId);
    if (!user) throw Errors.unknownUser();
    return json(channelPayload(ctx.state, ctx.state.dmChannelFor(user.id)));
  });
}
