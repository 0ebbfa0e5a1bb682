import { ApplyOptions } from '@sapphire/decorators';
import { Events, Listener } from '@sapphire/framework';
import type { Message, PartialMessage } from 'discord.js';
import { inspectMessage } from '../lib/detection';

/** An edit is read like a new message; the event's unique message id keeps it to one alert per message. */
@ApplyOptions<Listener.Options>({ name: 'copingDetectEdit', event: Events.MessageUpdate })
export class CopingDetectEditListener extends Listener<typeof Events.MessageUpdate> {
  public override async run(previous: Message | PartialMessage, message: Message | PartialMessage) {
    if (message.partial || previous.content === message.content) return;
    await inspectMessage(message);
  }
}
