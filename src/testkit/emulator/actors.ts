import { PermissionFlagsBits as P } from 'discord.js';
import {
  checkChannelAccess,
  checkCommandUsable,
  enabledComponent,
  resolveSelectValues,
  visibleMessage,
} from './actorChecks';
import { type OptionValue, buildCommandData } from './commandOptions';
import type { CommandRecord } from './commands';
import { type ModalFieldValue, componentTypeName, modalSubmission } from './componentTools';
import type { EmulatorContext } from './context';
import type { CreateInteractionInput } from './interactions';
import { type Json, userPayload } from './payloads';
import { channelPermissions } from './permissions';
import { type InteractionReply, type WaitOptions, awaitReply } from './replies';
import type { ChannelRecord, MessageRecord, UserRecord } from './state';
import { MessageView } from './views';

/** A channel: a channel record (guild.channels.general), its id, or 'dm' for the user's DM with the bot. */
export type ChannelLike = ChannelRecord | { id: string } | string;
/** A message: a MessageView, a reply, an API message object, or an id. */
export type MessageLike = MessageView | InteractionReply | { id: string } | string | null | undefined;

export interface ActorHost {
  readonly ctx: EmulatorContext;
  defaultTimeout(): number;
  gatewayConnected(): boolean;
  waitForCommand(name: string, guildId: string | null, timeoutMs: number): Promise<CommandRecord>;
}

export interface SayOptions {
  /** Reply to this message. */
  replyTo?: MessageLike;
  files?: { name: string; content: string | Buffer; contentType?: string }[];
}

/** A simulated Discord user who runs commands, clicks buttons and types messages. */
export class Actor {
  public constructor(
    private readonly host: ActorHost,
    public readonly record: UserRecord,
  ) {}

  public get id(): string {
    return this.record.id;
  }

  public get username(): string {
    return this.record.username;
  }

  /** `<@id>`, to mention this user in content. */
  public get mention(): string {
    return `<@${this.id}>`;
  }

  public toString(): string {
    return this.mention;
  }

  public toJSON(): Json {
    return userPayload(this.record) as unknown as Json;
  }

  /** Runs a slash command ('name', 'name sub' or 'name group sub') and waits for the bot's answer. */
  public async slash(
    where: ChannelLike,
    command: string,
    options: Record<string, OptionValue> = {},
    wait: WaitOptions = {},
  ): Promise<InteractionReply> {
    const timeout = wait.timeout ?? this.host.defaultTimeout();
    const channel = this.channel(where);
    const [name, ...path] = command.trim().replace(/^\//, '').split(/\s+/);
    const cmd = await this.usableCommand(name, channel, timeout);
    const data = buildCommandData(this.host.ctx, { command: cmd, path, values: options, ...this.where(channel) });
    return this.interact(
      { type: 2, channel, data, label: `/${[name, ...path].join(' ')}`, commandName: name },
      timeout,
    );
  }

  /** Types `typed` into an autocomplete option and returns the choices the bot offers. */
  public async autocomplete(
    where: ChannelLike,
    command: string,
    option: string,
    typed: string,
    options: Record<string, OptionValue> = {},
    wait: WaitOptions = {},
  ): Promise<{ name: string; value: string | number }[]> {
    const timeout = wait.timeout ?? this.host.defaultTimeout();
    const channel = this.channel(where);
    const [name, ...path] = command.trim().replace(/^\//, '').split(/\s+/);
    const cmd = await this.usableCommand(name, channel, timeout);
    const data = buildCommandData(this.host.ctx, {
      command: cmd,
      path,
      values: options,
      ...this.where(channel),
      focused: { name: option, value: typed },
    });
    const label = `autocomplete for /${[name, ...path].join(' ')} ${option}`;
    const reply = await this.interact({ type: 4, channel, data, label, commandName: name }, timeout);
    return reply.choices;
  }

  /** Clicks a button; resolves to the updated message or the bot's new reply. */
  public async click(message: MessageLike, customId: string, wait: WaitOptions = {}): Promise<InteractionReply> {
    const record = this.message(message);
    const component = enabledComponent(record, customId);
    if (component.type !== 2) throw new Error(`'${customId}' is a ${componentTypeName(component.type)}; use select()`);
    return this.componentInteraction(record, { custom_id: customId, component_type: 2 }, `button '${customId}'`, wait);
  }

  /** Picks values in a select menu (string values, or user/role/channel ids). */
  public async select(
    message: MessageLike,
    customId: string,
    values: string[],
    wait: WaitOptions = {},
  ): Promise<InteractionReply> {
    const record = this.message(message);
    const component = enabledComponent(record, customId);
    const type = Number(component.type);
    if (![3, 5, 6, 7, 8].includes(type))
      throw new Error(`'${customId}' is a ${componentTypeName(type)}, not a select menu`);
    const min = typeof component.min_values === 'number' ? component.min_values : 1;
    const max = typeof component.max_values === 'number' ? component.max_values : 1;
    if (values.length < min || values.length > max)
      throw new Error(`select '${customId}' takes ${min}..${max} values, got ${values.length}`);
    if (type === 3) {
      const allowed = ((component.options as Json[] | undefined) ?? []).map((o) => String(o.value));
      const bad = values.filter((v) => !allowed.includes(v));
      if (bad.length > 0)
        throw new Error(`select '${customId}' has no option ${bad.join(', ')} (options: ${allowed.join(', ')})`);
    }
    const data: Json = { custom_id: customId, component_type: type, values };
    if (type !== 3) data.resolved = resolveSelectValues(this.host.ctx.state, record, values);
    return this.componentInteraction(record, data, `select '${customId}'`, wait);
  }

  /** Submits a modal the bot showed (fields by custom id). */
  public async submitModal(
    where: ChannelLike | null,
    customId: string,
    fields: Record<string, ModalFieldValue>,
    wait: WaitOptions = {},
  ): Promise<InteractionReply> {
    const { ctx } = this.host;
    const shown = [...ctx.interactions.records.values()]
      .reverse()
      .find((r) => r.userId === this.id && r.modal?.custom_id === customId);
    const channel = where !== null ? this.channel(where) : shown ? ctx.state.channel(shown.channelId) : null;
    if (!channel)
      throw new Error(
        `submitModal('${customId}'): no channel given and the bot never showed that modal to ${this.username}`,
      );
    const label = `modal '${customId}'`;
    const components = modalSubmission(shown?.modal ?? null, fields, label);
    const sourceMessage = shown?.sourceMessageId ? ctx.state.messages.get(shown.sourceMessageId) : undefined;
    return this.interact(
      { type: 5, channel, data: { custom_id: customId, components }, label, sourceMessage },
      wait.timeout,
    );
  }

  /** Posts a message as this user (MESSAGE_CREATE reaches the bot); returns it. */
  public async say(where: ChannelLike, content: string, options: SayOptions = {}): Promise<MessageView> {
    const { ctx } = this.host;
    const channel = this.channel(where);
    if (channel.guildId && !(channelPermissions(ctx.state, channel, this.id) & P.SendMessages)) {
      throw new Error(`${this.username} may not send messages in #${channel.name ?? channel.id}`);
    }
    const files = (options.files ?? []).map((f, i) => ({
      field: `files[${i}]`,
      filename: f.name,
      contentType: f.contentType ?? 'text/plain; charset=utf-8',
      data: typeof f.content === 'string' ? Buffer.from(f.content) : f.content,
    }));
    const body: Json = { content };
    if (options.replyTo) body.message_reference = { message_id: this.message(options.replyTo).id };
    const message = ctx.messages.create({ channel, authorId: this.id, body, files });
    return new MessageView(ctx, message);
  }

  /** Sends the bot a direct message. */
  public async dm(content: string, options: SayOptions = {}): Promise<MessageView> {
    return this.say('dm', content, options);
  }

  private async interact(
    input: Omit<CreateInteractionInput, 'userId'>,
    timeout = this.host.defaultTimeout(),
  ): Promise<InteractionReply> {
    const record = this.host.ctx.interactions.create({ ...input, userId: this.id });
    return awaitReply(this.host.ctx, record, timeout, () => this.host.gatewayConnected());
  }

  private componentInteraction(
    message: MessageRecord,
    data: Json,
    label: string,
    wait: WaitOptions,
  ): Promise<InteractionReply> {
    const channel = this.host.ctx.state.channel(message.channelId);
    this.checkAccess(channel);
    return this.interact({ type: 3, channel, data, label, sourceMessage: message }, wait.timeout);
  }

  private where(channel: ChannelRecord): { channelId: string; guildId: string | null; userId: string } {
    return { channelId: channel.id, guildId: channel.guildId, userId: this.id };
  }

  private channel(where: ChannelLike): ChannelRecord {
    const { state } = this.host.ctx;
    if (where === 'dm') return state.dmChannelFor(this.id);
    const id = typeof where === 'string' ? where : where.id;
    const channel = state.channels.get(id);
    if (!channel) throw new Error(`Unknown channel ${id}`);
    this.checkAccess(channel);
    return channel;
  }

  private checkAccess(channel: ChannelRecord): void {
    checkChannelAccess(this.host.ctx.state, this.record, channel);
  }

  private message(like: MessageLike): MessageRecord {
    if (!like) {
      throw new Error('No message given (the reply had no message: was it a modal, or did the bot not answer?)');
    }
    const id = typeof like === 'string' ? like : 'interactionId' in like ? like.message?.id : like.id;
    return visibleMessage(this.host.ctx.state, this.record, id);
  }

  private async usableCommand(name: string, channel: ChannelRecord, timeout: number): Promise<CommandRecord> {
    const command = await this.host.waitForCommand(name, channel.guildId, timeout);
    checkCommandUsable(this.host.ctx.state, this.record, command, channel);
    return command;
  }
}
