import { AllFlowsPrecondition } from '@sapphire/framework';
import type { ChatInputCommandInteraction, ContextMenuCommandInteraction, GuildMember, Message } from 'discord.js';
import { isServerAdmin } from '../lib/discord/owners';

/** Members with Manage Server, and bot owners. Everyone else is told what they lack. */
export class ServerAdminPrecondition extends AllFlowsPrecondition {
  public override chatInputRun(interaction: ChatInputCommandInteraction) {
    return this.check(isServerAdmin(interaction.user.id, interaction.memberPermissions));
  }

  public override contextMenuRun(interaction: ContextMenuCommandInteraction) {
    return this.check(isServerAdmin(interaction.user.id, interaction.memberPermissions));
  }

  public override messageRun(message: Message) {
    return this.check(isServerAdmin(message.author.id, (message.member as GuildMember | null)?.permissions));
  }

  private check(admin: boolean) {
    if (admin) return this.ok();
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
