import type { AnyEntity, EntityClass, EntityManager } from '@mikro-orm/core';
import type { PermissionResolvable } from 'discord.js';
import type winston from 'winston';
import type { z } from 'zod';

/** What a plugin's hooks receive. */
export interface PluginContext<Config = unknown> {
  /** The plugin's own config, parsed by its schema from the environment. */
  config: Config;
  logger: winston.Logger;
  /** A fresh EntityManager fork for this unit of work. */
  em: () => EntityManager;
}

/** A channel a plugin is set up to use in a guild, for diagnostics. */
export interface PluginChannel {
  /** What the channel is for, such as "alert channel". */
  label: string;
  /** Null when the setting is empty. */
  channelId: string | null;
  /** What the bot must be allowed to do there. */
  permissions: PermissionResolvable[];
}

/** How a plugin is set up in one guild, shown by diagnostics. Never include secrets or user text. */
export interface PluginGuildDescription {
  /** Setting name → displayed value. */
  settings?: Record<string, string | number | boolean | null>;
  channels?: PluginChannel[];
}

export interface PluginHooks<Config = unknown> {
  /** Runs once after the plugin's migrations, before its pieces are registered. Throwing fails the plugin. */
  load?(context: PluginContext<Config>): Promise<void> | void;
  /** A guild turned the plugin on. */
  guildEnable?(guildId: string, context: PluginContext<Config>): Promise<void> | void;
  /** A guild turned the plugin off. */
  guildDisable?(guildId: string, context: PluginContext<Config>): Promise<void> | void;
  /** At ready and whenever Redis reconnects: make sure every pending row has its job. */
  reconcile?(context: PluginContext<Config>): Promise<void> | void;
  /** Everything this plugin stores about one user, as plain JSON. Used by `/privacy export`. */
  exportUserData?(userId: string, context: PluginContext<Config>): Promise<unknown> | unknown;
  /** Erases everything this plugin stores about one user. Returns how many records went. */
  deleteUserData?(userId: string, context: PluginContext<Config>): Promise<number> | number;
  /**
   * Seals again, with the current key, every value this plugin sealed with an older one
   * (`secretBox().isStale(value)`). Returns how many values changed. Run by `npm run crypto:rotate`.
   */
  resealSecrets?(context: PluginContext<Config>): Promise<number> | number;
  /** This guild's settings and configured channels, for `/guilddebug settings` and diagnostics. */
  describeGuild?(
    guildId: string,
    context: PluginContext<Config>,
  ): Promise<PluginGuildDescription> | PluginGuildDescription;
}

export interface PluginManifest<Config = unknown> {
  /** Lower-case, used in commands (`/plugins enable <name>`) and as the prefix of piece names. */
  name: string;
  /** Semver of the plugin itself. */
  version: string;
  description: string;
  /** A semver range of Mellow core versions this plugin works with, such as `^0.1.0`. */
  core: string;
  /** Discord permissions the bot needs for this plugin, checked by diagnostics. */
  permissions?: PermissionResolvable[];
  entities?: EntityClass<AnyEntity>[];
  /** Absolute path of the plugin's migrations folder, usually `join(__dirname, 'migrations')`. */
  migrations?: string;
  /** Validates the plugin's environment variables. Its output becomes `context.config`. */
  config?: z.ZodType<Config>;
  /** Whether guilds that never chose have the plugin on. Default true. */
  defaultEnabled?: boolean;
  /** What the plugin stores about users, in one sentence, for `/privacy` and the README. */
  dataCollected?: string;
  hooks?: PluginHooks<Config>;
}

/**
 * Declares a plugin. The manifest is the default export of the plugin's `index.ts`; its pieces are
 * found in the store-named folders beside it (`commands/`, `listeners/`, …).
 */
export function definePlugin<Config = unknown>(manifest: PluginManifest<Config>): PluginManifest<Config> {
  return manifest;
}
