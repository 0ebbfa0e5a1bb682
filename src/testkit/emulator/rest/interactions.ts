import type { Router } from './router';
import { json, noContent } from './router';

/** The interaction callback and the interaction webhook (no Authorization header needed). */
export function registerInteractionRoutes(router: Router): void {
  const open = { auth: false };

  router.post(
    '/interactions/:interactionId/:token/callback',
    ({ ctx, params, body, files, query }) => {
      const result = ctx.interactions.callback(
        params.interactionId,
        params.token,
        body,
        files,
        query.get('with_response') === 'true',
      );
      return result ? json(result) : noContent();
    },
    open,
  );

  router.post(
    '/webhooks/:webhookId/:token',
    ({ ctx, params, body, files, query }) => {
      const record = ctx.interactions.forWebhook(params.webhookId, params.token);
      const message = ctx.interactions.followUp(record, body, files);
      return query.get('wait') === 'true' ? json(ctx.messages.payload(message)) : noContent();
    },
    open,
  );

  router.get(
    '/webhooks/:webhookId/:token/messages/:messageId',
    ({ ctx, params }) => {
      const record = ctx.interactions.forWebhook(params.webhookId, params.token);
      return json(ctx.messages.payload(ctx.interactions.webhookMessage(record, params.messageId)));
    },
    open,
  );

  router.patch(
    '/webhooks/:webhookId/:token/messages/:messageId',
    ({ ctx, params, body, files }) => {
      const record = ctx.interactions.forWebhook(params.webhookId, params.token);
      const message = ctx.interactions.editWebhookMessage(record, params.messageId, body, files);
      return json(ctx.messages.payload(message));
    },
    open,
  );

  router.delete(
    '/webhooks/:webhookId/:token/messages/:messageId',
    ({ ctx, params }) => {
      const record = ctx.interactions.forWebhook(params.webhookId, params.token);
      ctx.interactions.deleteWebhookMessage(record, params.messageId);
      return noContent();
    },
    open,
  );
}
