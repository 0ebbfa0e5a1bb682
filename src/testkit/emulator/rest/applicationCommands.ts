import type { EmulatorContext } from '../context';
import { Errors, invalidFormBody } from '../errors';
import type { Json } from '../payloads';
import { type RouteRequest, type Router, json, noContent } from './router';

function scope(ctx: EmulatorContext, params: Record<string, string>): string | null {
  if (params.applicationId !== ctx.config.applicationId) throw Errors.unknownApplication();
  if (params.guildId === undefined) return null;
  return ctx.state.guild(params.guildId).id;
}

function list({ ctx, params }: RouteRequest) {
  return json(ctx.commands.list(scope(ctx, params)).map((c) => ctx.commands.payload(c)));
}

function create({ ctx, params, body }: RouteRequest) {
  const { record, created } = ctx.commands.create(scope(ctx, params), body);
  return json(ctx.commands.payload(record), created ? 201 : 200);
}

function overwrite({ ctx, params, rawBody }: RouteRequest) {
  if (!Array.isArray(rawBody)) {
    throw invalidFormBody([{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }]);
  }
  const records = ctx.commands.bulkOverwrite(scope(ctx, params), rawBody as Json[]);
  return json(records.map((c) => ctx.commands.payload(c)));
}

function get({ ctx, params }: RouteRequest) {
  return json(ctx.commands.payload(ctx.commands.get(scope(ctx, params), params.commandId)));
}

function edit({ ctx, params, body }: RouteRequest) {
  return json(ctx.commands.payload(ctx.commands.edit(scope(ctx, params), params.commandId, body)));
}

function remove({ ctx, params }: RouteRequest) {
  ctx.commands.delete(scope(ctx, params), params.commandId);
  return noContent();
}

export function registerApplicationCommandRoutes(router: Router): void {
  for (const base of ['/applications/:applicationId', '/applications/:applicationId/guilds/:guildId']) {
    router.get(`${base}/commands`, list);
    router.post(`${base}/commands`, create);
    router.put(`${base}/commands`, overwrite);
    router.get(`${base}/commands/:commandId`, get);
    router.patch(`${base}/commands/:commandId`, edit);
    router.delete(`${base}/commands/:commandId`, remove);
  }
  router.get('/applications/:applicationId/guilds/:guildId/commands/permissions', ({ ctx, params }) => {
    scope(ctx, params);
    return json([]);
  });
}
