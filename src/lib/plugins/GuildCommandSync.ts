import { container, type Command } from '@sapphire/framework';
import {
  type ApplicationCommand,
  type ApplicationCommandData,
  ContextMenuCommandBuilder,
  type RESTPostAPIApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from 'discord.js';
import { logger } from '../logging/logger';
import type { PluginRegistry } from './PluginRegistry';
import type { PluginStateService } from './PluginStateService';

type CommandJSON = RESTPostAPIApplicationCommandsJSONBody;
type Definition = CommandJSON | { toJSON(): CommandJSON } | ((builder: never) => unknown);

/** Turns what a command passes to `registerChatInputCommand` (callback, builder or JSON) into JSON. */
function toJSON(definition: Definition, Builder: new () => { toJSON(): CommandJSON }): CommandJSON {
  if (typeof definition === 'function') {
    const builder = new Builder();
    (definition as (builder: unknown) => unknown)(builder);
    return builder.toJSON();
  }
  return 'toJSON' in definition ? definition.toJSON() : definition;
}

export interface SyncResult {
  created: number;
  edited: number;
  deleted: number;
}

/**
 * With COMMAND_SCOPE=guild, plugin commands are registered per guild, only where the plugin is on,
 * so a disabled plugin's commands leave that guild's picker. Only differences are sent: Discord
 * allows 200 command creates per guild per day.
 */
export class GuildCommandSync {
  private readonly definitions = new Map<string, CommandJSON[]>();
  private readonly running = new Map<string, Promise<SyncResult>>();

  public constructor(
    private readonly registry: PluginRegistry,
    private readonly states: PluginStateService,
  ) {}

  /** Takes a plugin command's registration away from Sapphire's global sync and keeps it here. */
  public capture(command: Command, plugin: string): void {
    const register = command.registerApplicationCommands?.bind(command);
    if (!register) return;
    const definitions = this.definitions.get(plugin) ?? [];
    this.definitions.set(plugin, definitions);
    const capture = {
      registerChatInputCommand: (definition: Definition) => {
        definitions.push(toJSON(definition, SlashCommandBuilder));
        return capture;
      },
      registerContextMenuCommand: (definition: Definition) => {
        definitions.push(toJSON(definition, ContextMenuCommandBuilder));
        return capture;
      },
    };
    command.registerApplicationCommands = () => register(capture as unknown as Command.Registry);
  }

  public desiredFor(guildId: string): CommandJSON[] {
    return this.registry.active
      .filter((plugin) => this.states.isEnabled(plugin, guildId))
      .flatMap((plugin) => this.definitions.get(plugin.name) ?? []);
  }

  /** Brings one guild's commands in line; concurrent calls for a guild share one run, then re-check. */
  public async syncGuild(guildId: string): Promise<SyncResult> {
    const previous = this.running.get(guildId) ?? Promise.resolve({ created: 0, edited: 0, deleted: 0 });
    const next = previous.catch(() => undefined).then(() => this.apply(guildId));
    this.running.set(guildId, next);
    try {
      return await next;
    } finally {
      if (this.running.get(guildId) === next) this.running.delete(guildId);
    }
  }

  /** Every guild, one at a time, so a large bot does not burst into Discord's rate limits. */
  public async syncAll(): Promise<void> {
    await this.removeGlobalPluginCommands();
    const totals = { created: 0, edited: 0, deleted: 0 };
    for (const guildId of container.client.guilds.cache.keys()) {
      try {
        const result = await this.syncGuild(guildId);
        totals.created += result.created;
        totals.edited += result.edited;
        totals.deleted += result.deleted;
      } catch (error) {
        logger.warn(`Could not sync the commands of guild ${guildId}`, { error });
      }
    }
    logger.info(`Guild commands synced: ${totals.created} created, ${totals.edited} edited, ${totals.deleted} deleted`);
  }

  private async apply(guildId: string): Promise<SyncResult> {
    const commands = container.client.application!.commands;
    const existing = await commands.fetch({ guildId });
    const desired = this.desiredFor(guildId);
    const result: SyncResult = { created: 0, edited: 0, deleted: 0 };
    const matches = (command: ApplicationCommand, data: CommandJSON) =>
      command.name === data.name && command.type === (data.type ?? 1);
    for (const data of desired) {
      const current = existing.find((command) => matches(command, data));
      if (!current) {
        await commands.create(data, guildId);
        result.created++;
      } else if (!current.equals(data as unknown as ApplicationCommandData)) {
        await commands.edit(current.id, data, guildId);
        result.edited++;
      }
    }
    for (const command of existing.values()) {
      if (desired.some((data) => matches(command, data))) continue;
      await commands.delete(command.id, guildId);
      result.deleted++;
    }
    return result;
  }

  /** Plugin commands left global from a time the bot ran with COMMAND_SCOPE=global. */
  private async removeGlobalPluginCommands(): Promise<void> {
    const names = new Set([...this.definitions.values()].flat().map((data) => data.name));
    const commands = container.client.application!.commands;
    for (const command of (await commands.fetch()).values()) {
      if (names.has(command.name)) await commands.delete(command.id);
    }
  }
}
