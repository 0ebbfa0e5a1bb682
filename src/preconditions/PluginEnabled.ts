import { ApplyOptions } from '@sapphire/decorators';
import { AllFlowsPrecondition, type Command } from '@sapphire/framework';
import type { ChatInputCommandInteraction, ContextMenuCommandInteraction, Message } from 'discord.js';
import { disabledNotice } from '../lib/plugins/gate';

/**
 * Global: a plugin's commands refuse to run in a guild that turned the plugin off. Reads memory only.
 * Runs right after Sapphire's Enabled check (position 10).
 */
@ApplyOptions<AllFlowsPrecondition.Options>({ position: 11 })
export class PluginEnabledPrecondition extends AllFlowsPrecondition {
  public override chatInputRun(interaction: ChatInputCommandInteraction, command: Command) {
    return this.check(command, interaction.guildId);
  }

  public override contextMenuRun(interaction: ContextMenuCommandInteraction, command: Command) {
    return this.check(command, interaction.guildId);
  }

  public override messageRun(message: Message, command: Command) {
    return this.check(command, message.guildId);
  }

  private check(command: Command, guildId: string | null) {
    const blocked = this.container.mellow.gate.blockedBy(command, guildId, 'command');
    return blocked
      ? this.error({
          identifier: 'pluginDisabled',
          message: disabledNotice(blocked.name),
          context: { plugin: blocked.name },
        })
      : this.ok();
  }
}

declare module '@sapphire/framework' {
  interface Preconditions {
    PluginEnabled: never;
  }
}
