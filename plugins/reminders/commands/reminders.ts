import { ApplyOptions } from '@sapphire/decorators';
import { Command } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { showList } from '../lib/actions';

/** `!reminders`: the list, as `/remind list` shows it. Message only; the slash command is `/remind list`. */
@ApplyOptions<Command.Options>({ description: 'Your reminders' })
export class RemindersCommand extends Command {
  public override async messageRun(message: Message) {
    await showList(message);
  }
}
