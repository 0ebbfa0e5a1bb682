import { ApplyOptions } from '@sapphire/decorators';
import { Events, Listener } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { inspectMessage } from '../lib/detection';

/** Crisis detection on new messages; cheap for the vast majority (see inspectMessage). */
@ApplyOptions<Listener.Options>({ name: 'copingDetectMessage', event: Events.MessageCreate })
export class CopingDetectMessageListener extends Listener<typeof Events.MessageCreate> {
  public override async run(message: Message) {
    await inspectMessage(message);
  }
}
