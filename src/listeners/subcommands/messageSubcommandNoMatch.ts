import { Listener } from '@sapphire/framework';
import {
  type MessageSubcommandNoMatchContext,
  type Subcommand,
  SubcommandPluginEvents,
} from '@sapphire/plugin-subcommands';
import type { Message } from 'discord.js';
import { noMentions } from '../../lib/discord/replies';

/** `!plugins lsit`: name the subcommands that exist instead of staying silent. */
export class MessageSubcommandNoMatchListener extends Listener<typeof SubcommandPluginEvents.MessageSubcommandNoMatch> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: SubcommandPluginEvents.MessageSubcommandNoMatch });
  }

  public override async run(
    message: Message,
    _args: unknown,
    { command, commandPrefix }: MessageSubcommandNoMatchContext,
  ) {
    const names = subcommandNames(command);
    const content = `\`${commandPrefix}${command.name}\` has no such subcommand. Try one of: ${names.map((name) => `\`${name}\``).join(', ')}.`;
    await message.reply({ content, ...noMentions }).catch(() => undefined);
  }
}

function subcommandNames(command: Subcommand): string[] {
  return command.parsedSubcommandMappings.flatMap((mapping) =>
    mapping.type === 'group' ? mapping.entries.map((entry) => `${mapping.name} ${entry.name}`) : [mapping.name],
  );
}
