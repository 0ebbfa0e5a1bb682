import { AllFlowsPrecondition } from '@sapphire/framework';
import {
  type ChatInputCommandInteraction,
  type ContextMenuCommandInteraction,
  type Message,
  PermissionFlagsBits,
  type PermissionsBitField,
} from 'discord.js';
import { isOwner } from 'mellow';

const MAY_REMIND_CHANNELS = [PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageMessages];

/** Channel reminders post for everyone there: members with Manage Server or Manage Messages (or bot owners). */
export class RemindersChannelManagerPrecondition extends AllFlowsPrecondition {
  public override chatInputRun(interaction: ChatInputCommandInteraction) {
    return this.check(interaction.user.id, interaction.memberPermissions);
  }

  public override contextMenuRun(interaction: ContextMenuCommandInteraction) {
    return this.check(interaction.user.id, interaction.memberPermissions);
  }

  public override messageRun(message: Message) {
    return this.check(message.author.id, message.member?.permissions ?? null);
  }

  private check(userId: string, permissions: Readonly<PermissionsBitField> | null) {
    if (MAY_REMIND_CHANNELS.some((permission) => permissions?.has(permission))) return this.ok();
    if (isOwner(userId, this.container.mellow.config.ownerIds)) return this.ok();
    return this.error({
      identifier: 'remindersChannelManager',
      message:
        'Channel reminders need the **Manage Server** or **Manage Messages** permission. Use `/remind me` for a personal one.',
    });
  }
}

declare module '@sapphire/framework' {
  interface Preconditions {
    RemindersChannelManager: never;
  }
}
