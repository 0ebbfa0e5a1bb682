import { ApplyOptions } from '@sapphire/decorators';
import type { Command } from '@sapphire/framework';
import { ToolCommand } from '../lib/ToolCommand';
import { musicReply } from '../lib/tools';

@ApplyOptions<Command.Options>({ description: 'A calming or uplifting song to listen to' })
export class MusicCommand extends ToolCommand {
  protected override answer(userId: string) {
    return musicReply(userId);
  }
}
