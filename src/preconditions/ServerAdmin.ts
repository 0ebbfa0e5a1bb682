import { AllFlowsPrecondition } from '@sapphire/framework';
import {
  type ChatInputCommandInteraction,
  type ContextMenuCommandInteraction,
  type GuildMember,
  type Message,
  PermissionFlagsBits,
} from 'discord.js';
import { isOwner } from '../lib/discord/owners';

/** Members with Manage Server, and bot owners. Everyone else is told what they lack. */
export class ServerAdminPrecondition extends AllFlowsPrecondition {
  public override chatInputRun(interaction: ChatInputCommandInteraction) {
    return this.check(
      interaction.user.id,
      interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    );
  }

  public override contextMenuRun(interaction: ContextMenuCommandInteraction) {
    return this.check(
      interaction.user.id,
      interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    );
  }

  public override messageRun(message: Message) {
    const member = message.member as GuildMember | null;
    return this.check(message.author.id, member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false);
  }

  private check(userId: string, managesServer: boolean) {
    if (managesServer || isOwner(userId, this.container.mellow.config.ownerIds)) return this.ok();
    return this.error({
      identifier: 'serverAdmin',
      message: 'Only members with the **Manage Server** permission can do this. Ask a server admin.',
    });
  }
}

declare module '@sapphire/framework' {
  interface Preconditions {
    ServerAdmin: never;
  }
}
