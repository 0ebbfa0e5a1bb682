import { ApplyOptions } from '@sapphire/decorators';
import type { Command } from '@sapphire/framework';
import { ToolCommand } from '../lib/ToolCommand';
import { challengeReply } from '../lib/tools';

@ApplyOptions<Command.Options>({ description: 'A small, kind challenge for today' })
export class ChallengeCommand extends ToolCommand {
  protected override answer(userId: string) {
    return challengeReply(userId);
  }
}
