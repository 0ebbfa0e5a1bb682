import { randomBytes } from 'node:crypto';
import type { EmulatorContext, UploadedFile } from './context';
import { ApiError, Errors } from './errors';
import { buildInteractionPayload, callbackResponse } from './interactionPayload';
import type { Json } from './payloads';
import type { ChannelRecord, MessageRecord } from './state';
import { validateChoices, validateModal } from './validation';

export interface InteractionRecord {
  id: string;
  token: string;
  /** 2 application command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  userId: string;
  channelId: string;
  guildId: string | null;
  /** For error messages: "/plugins disable", "button 'x'". */
  label: string;
  commandName?: string;
  payload: Json;
  acknowledged: boolean;
  /** The bot missed Discord's acknowledgement deadline. */
  expired: boolean;
  responseType: number | null;
  ephemeral: boolean;
  modal: Json | null;
  choices: Json[] | null;
  /** The message the component was on (components, and modals opened from one). */
  sourceMessageId: string | null;
  originalMessageId: string | null;
  followUpIds: string[];
  /** A user would now see the bot's answer (reply, edit after a deferral, update, modal, choices). */
  settled: boolean;
  /** The bot edited the original response (or, after a deferred update, the component's message). */
  editedOriginal: boolean;
  timer?: NodeJS.Timeout;
}

export interface CreateInteractionInput {
  type: number;
  userId: string;
  channel: ChannelRecord;
  data: Json;
  label: string;
  commandName?: string;
  sourceMessage?: MessageRecord;
}

/** Interactions: creation (INTERACTION_CREATE), the callback endpoint and the interaction webhooks. */
export class InteractionService {
  public readonly records = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();
  /** Discord's limit for the first response; null disables it. */
  public ackTimeoutMs: number | null = 3000;

  public constructor(private readonly ctx: EmulatorContext) {}

  public create(input: CreateInteractionInput): InteractionRecord {
    const id = this.ctx.state.ids.next();
    const token = `aW50ZXJhY3Rpb246${id}:${randomBytes(24).toString('base64url')}`;
    const message = input.sourceMessage ? this.ctx.messages.payload(input.sourceMessage) : undefined;
    const payload = buildInteractionPayload(this.ctx, { id, token, ...input, message });
    const record: InteractionRecord = {
      id,
      token,
      type: input.type,
      userId: input.userId,
      channelId: input.channel.id,
      guildId: input.channel.guildId,
      label: input.label,
      commandName: input.commandName,
      payload,
      acknowledged: false,
      expired: false,
      responseType: null,
      ephemeral: false,
      modal: null,
      choices: null,
      sourceMessageId: input.sourceMessage?.id ?? null,
      originalMessageId: null,
      followUpIds: [],
      settled: false,
      editedOriginal: false,
    };
    this.records.set(id, record);
    this.byToken.set(token, record);
    if (this.ackTimeoutMs !== null) {
      record.timer = setTimeout(() => {
        if (record.acknowledged) return;
        record.expired = true;
        this.changed(record);
      }, this.ackTimeoutMs);
      record.timer.unref();
    }
    this.ctx.dispatch('INTERACTION_CREATE', payload);
    return record;
  }

  /** POST /interactions/:id/:token/callback. Returns the with_response body, or null for 204. */
  public callback(id: string, token: string, body: Json, files: UploadedFile[], withResponse: boolean): Json | null {
    const record = this.records.get(id);
    if (!record || record.token !== token || record.expired) throw Errors.unknownInteraction();
    if (record.acknowledged) throw Errors.alreadyAcknowledged();
    const type = Number(body.type);
    const data = (body.data as Json | undefined) ?? {};
    const isComponent = record.type === 3 || (record.type === 5 && record.sourceMessageId !== null);
    const allowed = record.type === 4 ? [8] : isComponent ? [4, 5, 6, 7, 9] : record.type === 5 ? [4, 5] : [4, 5, 9];
    if (!allowed.includes(type)) {
      throw new ApiError(400, 50035, 'Invalid Form Body', {
        type: {
          _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Callback type ${type} is not valid here` }],
        },
      });
    }
    let message: MessageRecord | null = null;
    const flags = typeof data.flags === 'number' ? data.flags : 0;
    switch (type) {
      case 4:
        record.ephemeral = (flags & 64) !== 0;
        message = this.createResponse(record, data, files, 0);
        record.originalMessageId = message.id;
        record.settled = true;
        break;
      case 5:
        record.ephemeral = (flags & 64) !== 0;
        message = this.createResponse(record, {}, [], 128 | (flags & 64));
        record.originalMessageId = message.id;
        break;
      case 6:
        record.originalMessageId = record.sourceMessageId;
        break;
      case 7:
        message = this.ctx.state.messages.get(record.sourceMessageId ?? '') ?? null;
        if (!message) throw Errors.unknownMessage();
        this.ctx.messages.update(message, data, files);
        record.ephemeral = (message.flags & 64) !== 0;
        record.originalMessageId = message.id;
        record.settled = true;
        break;
      case 8:
        record.choices = validateChoices(data.choices);
        record.settled = true;
        break;
      case 9:
        validateModal(data);
        record.modal = data;
        record.settled = true;
        break;
    }
    record.acknowledged = true;
    record.responseType = type;
    clearTimeout(record.timer);
    this.changed(record);
    if (!withResponse) return null;
    return callbackResponse(record.id, record.type, type, message ? this.ctx.messages.payload(message) : null);
  }

  /** The interaction behind a webhook token (application id must be ours). */
  public forWebhook(applicationId: string, token: string): InteractionRecord {
    const record = this.byToken.get(token);
    if (!record || applicationId !== this.ctx.config.applicationId) throw Errors.unknownWebhook();
    return record;
  }

  /** A message reachable through the interaction webhook: '@original' or a follow-up id. */
  public webhookMessage(record: InteractionRecord, messageId: string): MessageRecord {
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    const owned = id !== null && (id === record.originalMessageId || record.followUpIds.includes(id));
    const message = owned ? this.ctx.state.messages.get(id) : undefined;
    if (!message) throw Errors.unknownMessage();
    return message;
  }

  public editWebhookMessage(
    record: InteractionRecord,
    messageId: string,
    body: Json,
    files: UploadedFile[],
  ): MessageRecord {
    const message = this.webhookMessage(record, messageId);
    this.ctx.messages.update(message, body, files);
    if (message.id === record.originalMessageId) {
      record.settled = true;
      record.editedOriginal = true;
    }
    this.changed(record);
    return message;
  }

  public deleteWebhookMessage(record: InteractionRecord, messageId: string): void {
    const message = this.webhookMessage(record, messageId);
    this.ctx.messages.delete(message);
    if (message.id === record.originalMessageId) record.settled = true;
    this.changed(record);
  }

  /** POST /webhooks/:app/:token. After a deferral, the first follow-up replaces the "thinking" message. */
  public followUp(record: InteractionRecord, body: Json, files: UploadedFile[]): MessageRecord {
    if (!record.acknowledged) throw Errors.unknownWebhook();
    const original = record.originalMessageId ? this.ctx.state.messages.get(record.originalMessageId) : undefined;
    if (original && original.flags & 128) {
      this.ctx.messages.update(original, body, files);
      record.settled = true;
      this.changed(record);
      return original;
    }
    const message = this.createResponse(record, body, files, typeof body.flags === 'number' ? body.flags & 64 : 0);
    record.followUpIds.push(message.id);
    record.settled = true;
    this.changed(record);
    return message;
  }

  /** Forgets every interaction (tokens stop working). */
  public reset(): void {
    for (const record of this.records.values()) clearTimeout(record.timer);
    this.records.clear();
    this.byToken.clear();
  }

  private createResponse(
    record: InteractionRecord,
    body: Json,
    files: UploadedFile[],
    systemFlags: number,
  ): MessageRecord {
    const channel = this.ctx.state.channel(record.channelId);
    return this.ctx.messages.create({
      channel,
      authorId: this.ctx.config.botUserId,
      body,
      files,
      type: record.type === 2 ? 20 : 0,
      systemFlags,
      webhookId: this.ctx.config.applicationId,
      applicationId: this.ctx.config.applicationId,
      interaction: { id: record.id, type: record.type, name: record.commandName, userId: record.userId },
      skipValidation: (systemFlags & 128) !== 0,
    });
  }

  private changed(record: InteractionRecord): void {
    this.ctx.state.events.emit('interactionUpdate', record.id);
  }
}
