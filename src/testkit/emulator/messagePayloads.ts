import type { AttachmentStore } from './attachments';
import { type Json, channelPayload, memberPayload, userPayload } from './payloads';
import type { EmulatorState, MessageRecord } from './state';

/** Turns message records into the message objects of REST and of the gateway. */
export class MessageSerializer {
  public constructor(
    private readonly state: EmulatorState,
    private readonly attachments: AttachmentStore,
    private readonly botUserId: string,
  ) {}

  /** The message object as REST returns it. */
  public payload(message: MessageRecord): Json {
    const author = this.state.user(message.authorId);
    const payload: Json = {
      id: message.id,
      type: message.type,
      content: message.content,
      channel_id: message.channelId,
      author: userPayload(author),
      attachments: message.attachments.map((a) => this.attachments.payload(message.channelId, a)),
      embeds: message.embeds,
      mentions: message.mentionUserIds.map((id) => userPayload(this.state.user(id))),
      mention_roles: message.mentionRoleIds,
      mention_everyone: message.mentionEveryone,
      pinned: message.pinned,
      tts: message.tts,
      timestamp: message.timestamp,
      edited_timestamp: message.editedTimestamp,
      flags: message.flags,
      components: message.components,
    };
    if (message.nonce !== null) payload.nonce = message.nonce;
    if (message.poll) payload.poll = message.poll;
    if (message.webhookId) payload.webhook_id = message.webhookId;
    if (message.applicationId) payload.application_id = message.applicationId;
    if (message.reference) {
      payload.message_reference = { type: 0, ...message.reference };
      const referenced = message.reference.message_id
        ? this.state.messages.get(message.reference.message_id)
        : undefined;
      payload.referenced_message = referenced ? this.payload(referenced) : null;
    }
    if (message.interaction) {
      const user = userPayload(this.state.user(message.interaction.userId));
      payload.interaction_metadata = {
        id: message.interaction.id,
        type: message.interaction.type,
        user,
        authorizing_integration_owners: message.guildId ? { '0': message.guildId } : { '1': user.id },
        ...(message.interaction.name ? { name: message.interaction.name } : {}),
      };
      payload.interaction = {
        id: message.interaction.id,
        type: message.interaction.type,
        name: message.interaction.name ?? '',
        user,
      };
    }
    const thread = message.threadId ? this.state.channels.get(message.threadId) : undefined;
    if (thread) payload.thread = channelPayload(this.state, thread);
    if (message.reactions.size > 0) {
      payload.reactions = [...message.reactions].map(([emoji, users]) => ({
        emoji: { id: null, name: emoji },
        count: users.size,
        count_details: { burst: 0, normal: users.size },
        me: users.has(this.botUserId),
        me_burst: false,
        burst_colors: [],
      }));
    }
    return payload;
  }

  /** The message object as the gateway sends it: with guild_id and the author's member. */
  public gatewayPayload(message: MessageRecord): Json {
    const payload = this.payload(message);
    if (!message.guildId) return payload;
    const guild = this.state.guilds.get(message.guildId);
    const member = guild?.members.get(message.authorId);
    payload.guild_id = message.guildId;
    if (member && !message.webhookId) payload.member = memberPayload(this.state, member, false);
    payload.mentions = message.mentionUserIds.map((id) => {
      const m = guild?.members.get(id);
      return { ...userPayload(this.state.user(id)), ...(m ? { member: memberPayload(this.state, m, false) } : {}) };
    });
    return payload;
  }
}
