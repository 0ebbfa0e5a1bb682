/**
 * The API plugins build on. External plugins `import { … } from 'mellow'`; the running bot answers
 * for that name, so a plugin never bundles its own copy of the core.
 */
import './lib/container';

export { definePlugin } from './lib/plugins/definePlugin';
export type {
  PluginChannel,
  PluginContext,
  PluginGuildDescription,
  PluginHooks,
  PluginManifest,
} from './lib/plugins/definePlugin';
export { pluginContext, pluginEnabledIn } from './lib/plugins/lookup';
export { disabledNotice, guildIdOf } from './lib/plugins/gate';
export { Colors, discordTime, outcomeEmbed, type Outcome } from './lib/discord/embeds';
export {
  newReferenceId,
  noMentions,
  replyPrivately,
  respond,
  sendPrivately,
  toMessage,
  type CommandTarget,
  type ReplyContent,
} from './lib/discord/replies';
export { isOwner, isServerAdmin } from './lib/discord/owners';
export type { SystemLogEvent } from './lib/logging/SystemLogService';
export type { MellowServices } from './lib/container';
export { CORE_VERSION } from './lib/paths';
export { DecryptionError, SecretBox, secretBox } from './lib/crypto';
export { redactor } from './lib/logging/redact';
export { measureLatency, type RuntimeLatency } from './lib/runtime/statusReport';
export { migrationStatus, type MigrationStatus } from './lib/database/migrator';
export {
  SystemLog,
  systemLogSeverities,
  systemLogTypes,
  type SystemLogSeverity,
  type SystemLogType,
} from './lib/database/entities';
export {
  aiConfigShape,
  aiSettings,
  chatCompletion,
  chatCompletionJson,
  type AiConfig,
  type AiSettings,
  type ChatMessage,
} from './lib/ai';
export * from './lib/time';
