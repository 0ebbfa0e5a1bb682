import { AttachmentStore } from './attachments';
import type { EmulatorConfig, UploadedFile } from './context';
import { asAllowedMentions, resolveMentions } from './mentions';
import { MessageSerializer } from './messagePayloads';
import type { Json } from './payloads';
import { isThread } from './permissions';
import type { ChannelRecord, EmulatorState, MessageRecord } from './state';
import { validateMessageBody } from './validation';

/** Flags a sender may set on a message (others are set by Discord itself). */
const SETTABLE_FLAGS = 4 | 64 | 4096 | 32768;

export interface CreateMessageInput {
  channel: ChannelRecord;
  authorId: string;
  body: Json;
  files?: UploadedFile[];
  type?: number;
  /** Extra flags set by Discord (e.g. 64 ephemeral, 128 loading). */
  systemFlags?: number;
  webhookId?: string;
  applicationId?: string;
  interaction?: MessageRecord['interaction'];
  /** Skip the body checks (used for the deferred "thinking" placeholder). */
  skipValidation?: boolean;
}

/** Creates, edits and deletes messages, and announces each change over the gateway. */
export class MessageService {
  public readonly attachments: AttachmentStore;
  private readonly serializer: MessageSerializer;

  public constructor(
    private readonly state: EmulatorState,
    config: EmulatorConfig,
    private readonly dispatch: (event: string, data: Json) => void,
  ) {
    this.attachments = new AttachmentStore(state, config.baseUrl);
    this.serializer = new MessageSerializer(state, this.attachments, config.botUserId);
  }

  public create(input: CreateMessageInput): MessageRecord {
    const { channel, body } = input;
    const files = input.files ?? [];
    if (!input.skipValidation) validateMessageBody(body, files.length, false);
    const reference = this.reference(channel, body.message_reference);
    const replied = reference?.message_id ? (this.state.messages.get(reference.message_id) ?? null) : null;
    const content = typeof body.content === 'string' ? body.content : '';
    const mentions = resolveMentions(
      this.state,
      content,
      channel.guildId,
      asAllowedMentions(body.allowed_mentions),
      replied,
    );
    const flags = ((typeof body.flags === 'number' ? body.flags : 0) & SETTABLE_FLAGS) | (input.systemFlags ?? 0);
    const message: MessageRecord = {
      id: this.state.ids.next(),
      channelId: channel.id,
      guildId: channel.guildId,
      authorId: input.authorId,
      type: input.type ?? (reference ? 19 : 0),
      content,
      embeds: this.embeds(body.embeds),
      components: Array.isArray(body.components) ? (body.components as Json[]) : [],
      attachments: this.attachments.resolve([], body.attachments, files, (flags & 64) !== 0),
      flags,
      tts: body.tts === true,
      timestamp: this.state.now(),
      editedTimestamp: null,
      mentionUserIds: mentions.userIds,
      mentionRoleIds: mentions.roleIds,
      mentionEveryone: mentions.everyone,
      reference,
      nonce: typeof body.nonce === 'string' || typeof body.nonce === 'number' ? body.nonce : null,
      pinned: false,
      poll: body.poll && typeof body.poll === 'object' ? (body.poll as Json) : null,
      webhookId: input.webhookId ?? null,
      applicationId: input.applicationId ?? null,
      interaction: input.interaction ?? null,
      threadId: null,
      reactions: new Map(),
    };
    this.state.messages.set(message.id, message);
    channel.lastMessageId = message.id;
    if (isThread(channel)) channel.messageCount += 1;
    if (!(message.flags & 64)) this.dispatch('MESSAGE_CREATE', this.gatewayPayload(message));
    this.state.events.emit('messageCreate', message);
    return message;
  }

  /** Applies a PATCH body: only the fields present change. */
  public update(message: MessageRecord, body: Json, files: UploadedFile[] = []): MessageRecord {
    validateMessageBody(body, files.length, true);
    if (typeof body.content === 'string' || body.content === null) {
      message.content = body.content ?? '';
      const mentions = resolveMentions(
        this.state,
        message.content,
        message.guildId,
        asAllowedMentions(body.allowed_mentions),
        null,
      );
      message.mentionUserIds = mentions.userIds;
      message.mentionRoleIds = mentions.roleIds;
      message.mentionEveryone = mentions.everyone;
    }
    if ('embeds' in body) message.embeds = this.embeds(body.embeds);
    if ('components' in body) message.components = Array.isArray(body.components) ? (body.components as Json[]) : [];
    if (typeof body.flags === 'number') message.flags = (message.flags & ~(4 | 32768)) | (body.flags & (4 | 32768));
    if ('attachments' in body || files.length > 0) {
      const keep = 'attachments' in body ? body.attachments : message.attachments.map((a) => ({ id: a.id }));
      message.attachments = this.attachments.resolve(message.attachments, keep, files, (message.flags & 64) !== 0);
    }
    message.flags &= ~128;
    message.editedTimestamp = this.state.now();
    if (!(message.flags & 64)) this.dispatch('MESSAGE_UPDATE', this.gatewayPayload(message));
    this.state.events.emit('messageUpdate', message);
    return message;
  }

  public delete(message: MessageRecord): void {
    this.state.messages.delete(message.id);
    if (!(message.flags & 64)) {
      const data: Json = { id: message.id, channel_id: message.channelId };
      if (message.guildId) data.guild_id = message.guildId;
      this.dispatch('MESSAGE_DELETE', data);
    }
    this.state.events.emit('messageDelete', message);
  }

  /** The message object as REST returns it. */
  public payload(message: MessageRecord): Json {
    return this.serializer.payload(message);
  }

  /** The message object as the gateway sends it: with guild_id and the author's member. */
  public gatewayPayload(message: MessageRecord): Json {
    return this.serializer.gatewayPayload(message);
  }

  private reference(channel: ChannelRecord, value: unknown): MessageRecord['reference'] {
    if (!value || typeof value !== 'object') return null;
    const ref = value as Json;
    const messageId = typeof ref.message_id === 'string' ? ref.message_id : undefined;
    const channelId = typeof ref.channel_id === 'string' ? ref.channel_id : channel.id;
    return { message_id: messageId, channel_id: channelId, ...(channel.guildId ? { guild_id: channel.guildId } : {}) };
  }

  private embeds(value: unknown): Json[] {
    if (!Array.isArray(value)) return [];
    return (value as Json[]).map((embed) => ({ type: 'rich', ...embed }));
  }
}
