import { ApplyOptions } from '@sapphire/decorators';
import type { Command } from '@sapphire/framework';
import { pluginContext } from 'mellow';
import type { Feeling } from '../lib/content';
import { ToolCommand } from '../lib/ToolCommand';
import { affirmationReply } from '../lib/tools';

@ApplyOptions<Command.Options>({ description: 'A kind thought for how you feel right now' })
export class AffirmationCommand extends ToolCommand {
  protected override readonly takesFeeling = true;
  protected override readonly mayWait = true;

  protected override answer(userId: string, feeling: Feeling | null, privately: boolean) {
    return affirmationReply(pluginContext('coping').em(), userId, feeling, { personalise: privately });
  }
}
