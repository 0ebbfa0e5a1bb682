import { ApplyOptions } from '@sapphire/decorators';
import type { Command } from '@sapphire/framework';
import { ToolCommand } from '../lib/ToolCommand';
import { distractionReply } from '../lib/tools';

@ApplyOptions<Command.Options>({ description: 'Something gentle to take your mind off things' })
export class DistractionCommand extends ToolCommand {
  protected override answer(userId: string) {
    return distractionReply(userId);
  }
}
