import type { APIApplicationCommand } from 'discord.js';
import type { CommandRecord } from './commands';
import type { EmulatorContext } from './context';
import type { MessageRecord } from './state';
import { compareSnowflakes } from './snowflake';
import { MessageView } from './views';

export interface WaitForMessageOptions {
  /** The channel (id or record). */
  channelId?: string;
  channel?: { id: string };
  /** Only messages newer than this message id; without it, only messages created from now on. */
  after?: string;
  predicate?: (message: MessageView) => boolean;
  timeout?: number;
  /** Whose message to wait for (default: the bot's). */
  authorId?: string;
}

/** Resolves with the first matching message already there (after `after`) or the next one to arrive. */
export function waitForMessage(ctx: EmulatorContext, options: WaitForMessageOptions): Promise<MessageView> {
  const channelId = options.channelId ?? options.channel?.id;
  if (!channelId) return Promise.reject(new Error('waitForMessage needs channelId or channel'));
  const authorId = options.authorId ?? ctx.config.botUserId;
  const timeout = options.timeout ?? 5000;
  const existing = new Set(ctx.state.channelMessages(channelId).map((m) => m.id));
  const matches = (m: MessageRecord): MessageView | null => {
    if (m.channelId !== channelId || m.authorId !== authorId) return null;
    if (options.after ? compareSnowflakes(m.id, options.after) <= 0 : existing.has(m.id)) return null;
    const view = new MessageView(ctx, m);
    return !options.predicate || options.predicate(view) ? view : null;
  };
  if (options.after) {
    const found = ctx.state
      .channelMessages(channelId)
      .sort((a, b) => compareSnowflakes(a.id, b.id))
      .map(matches)
      .find((v) => v !== null);
    if (found) return Promise.resolve(found);
  }
  return new Promise((resolve, reject) => {
    const onMessage = (m: MessageRecord): void => {
      const view = matches(m);
      if (!view) return;
      cleanup();
      resolve(view);
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      ctx.state.events.off('messageCreate', onMessage);
      ctx.state.events.off('messageUpdate', onMessage);
    };
    const timer = setTimeout(() => {
      cleanup();
      const what = options.predicate ? ' matching the predicate' : '';
      reject(
        new Error(
          `No message${what} from ${authorId === ctx.config.botUserId ? 'the bot' : authorId} in channel ${channelId} within ${timeout} ms`,
        ),
      );
    }, timeout);
    ctx.state.events.on('messageCreate', onMessage);
    ctx.state.events.on('messageUpdate', onMessage);
  });
}

/** `emu.commands`: what the bot registered. */
export class CommandsView {
  public constructor(private readonly ctx: EmulatorContext) {}

  public global(): APIApplicationCommand[] {
    return this.ctx.commands.list(null).map((c) => this.payload(c));
  }

  public guild(guildId: string | { id: string }): APIApplicationCommand[] {
    const id = typeof guildId === 'string' ? guildId : guildId.id;
    return this.ctx.commands.list(id).map((c) => this.payload(c));
  }

  /** Commands created today (UTC) in a guild, or globally without a guild. */
  public createsToday(guildId?: string | { id: string }): number {
    return this.ctx.commands.createsToday(typeof guildId === 'object' ? guildId.id : guildId);
  }

  /** Discord's limits (daily creates per guild, chat-input commands), adjustable for tests. */
  public get limits(): { dailyCreateLimit: number; maxChatInputCommands: number } {
    return this.ctx.commands;
  }

  /** Waits until a chat-input command is registered (in the guild or globally). */
  public waitFor(name: string, options: { guildId?: string | null; timeout?: number } = {}): Promise<CommandRecord> {
    const guildId = options.guildId ?? null;
    const timeout = options.timeout ?? 5000;
    const found = this.ctx.commands.find(name, guildId);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const record = this.ctx.commands.find(name, guildId);
        if (!record) return;
        cleanup();
        resolve(record);
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        this.ctx.state.events.off('commandsChanged', check);
      };
      const timer = setTimeout(() => {
        cleanup();
        const known = [...this.ctx.commands.list(null), ...(guildId ? this.ctx.commands.list(guildId) : [])];
        const where = guildId ? `in guild ${guildId} or globally` : 'globally';
        reject(
          new Error(
            `/${name} is not registered ${where} within ${timeout} ms (registered: ${known.map((c) => String(c.data.name)).join(', ') || 'none'})`,
          ),
        );
      }, timeout);
      this.ctx.state.events.on('commandsChanged', check);
    });
  }

  private payload(record: CommandRecord): APIApplicationCommand {
    return this.ctx.commands.payload(record) as unknown as APIApplicationCommand;
  }
}
