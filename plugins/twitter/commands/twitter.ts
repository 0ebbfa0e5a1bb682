import { ApplyOptions } from '@sapphire/decorators';
import { Subcommand } from '@sapphire/plugin-subcommands';
import type { AutocompleteInteraction } from 'discord.js';
import { twitterCommandData } from '../lib/commandData';
import * as account from '../lib/twitterCommand/account';
import * as admin from '../lib/twitterCommand/admin';
import * as posting from '../lib/twitterCommand/posting';
import * as queue from '../lib/twitterCommand/queue';
import { searchZones } from 'mellow';

@ApplyOptions<Subcommand.Options>({
  description: 'Post to X (Twitter) from Discord',
  runIn: ['GUILD_ANY'],
  subcommands: [
    { name: 'status', chatInputRun: account.status, messageRun: account.messageStatus, default: true },
    { name: 'test', chatInputRun: account.test, messageRun: account.messageTest },
    { name: 'post', chatInputRun: posting.post },
    { name: 'schedule', chatInputRun: posting.schedule },
    {
      name: 'queue',
      type: 'group',
      entries: [
        { name: 'list', chatInputRun: queue.list },
        { name: 'remove', chatInputRun: queue.remove },
        { name: 'edit', chatInputRun: queue.edit },
      ],
    },
    { name: 'connect', chatInputRun: account.connect },
    { name: 'disconnect', chatInputRun: account.disconnect },
    { name: 'settings', chatInputRun: admin.settings },
    {
      name: 'blocked',
      type: 'group',
      entries: [
        { name: 'add', chatInputRun: admin.blockedAdd },
        { name: 'remove', chatInputRun: admin.blockedRemove },
        { name: 'list', chatInputRun: admin.blockedList },
      ],
    },
    {
      name: 'recurring',
      type: 'group',
      entries: [
        { name: 'set', chatInputRun: admin.recurringSet },
        { name: 'off', chatInputRun: admin.recurringOff },
      ],
    },
  ],
})
export class TwitterCommand extends Subcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    registry.registerChatInputCommand((builder) => twitterCommandData(builder, this.name, this.description));
  }

  public override async autocompleteRun(interaction: AutocompleteInteraction) {
    const typed = String(interaction.options.getFocused());
    await interaction.respond(searchZones(typed, 25).map((zone) => ({ name: zone, value: zone })));
  }
}
