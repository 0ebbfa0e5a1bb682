import type { APIEmbed } from 'discord.js';
import type { EmulatorContext } from './context';
import type { InteractionRecord } from './interactions';
import type { Json } from './payloads';
import { type AttachmentView, MessageView, flattenText } from './views';

export type ReplyKind = 'message' | 'update' | 'modal' | 'choices';

export interface WaitOptions {
  /** Milliseconds to wait (default: the emulator's defaultTimeoutMs, 5000). */
  timeout?: number;
}

/** What the user saw after an interaction: a reply, an updated message, a modal or autocomplete choices. */
export class InteractionReply {
  /** 'message' for a new reply, 'update' when the bot edited the message the component was on. */
  public readonly kind: ReplyKind;
  public readonly interactionId: string;
  /** The reply message (or the updated message); null for a modal or choices. */
  public readonly message: MessageView | null;
  /** The modal the bot opened (callback type 9): `{ custom_id, title, components }`. */
  public readonly modal: Json | null;
  public readonly choices: { name: string; value: string | number }[];
  public readonly ephemeral: boolean;

  public constructor(
    private readonly ctx: EmulatorContext,
    private readonly record: InteractionRecord,
    private readonly defaultTimeout: number,
  ) {
    this.interactionId = record.id;
    this.modal = record.modal;
    this.choices = (record.choices ?? []) as { name: string; value: string | number }[];
    const type = record.responseType;
    const firstFollowUp = record.followUpIds.map((id) => ctx.state.messages.get(id)).find((m) => m !== undefined);
    const original = record.originalMessageId ? ctx.state.messages.get(record.originalMessageId) : undefined;
    // A deferred update answered only with a follow-up: the follow-up is what the user sees.
    const followUpOnly = type === 6 && !record.editedOriginal && firstFollowUp !== undefined;
    const shown = followUpOnly ? firstFollowUp : (original ?? firstFollowUp);
    this.kind =
      type === 9
        ? 'modal'
        : type === 8
          ? 'choices'
          : (type === 6 || type === 7) && !followUpOnly
            ? 'update'
            : 'message';
    this.message = type === 8 || type === 9 || !shown ? null : new MessageView(ctx, shown);
    this.ephemeral = type === 4 || type === 5 ? record.ephemeral : (this.message?.ephemeral ?? false);
  }

  public get content(): string {
    return this.message?.content ?? '';
  }

  public get embeds(): APIEmbed[] {
    return this.message?.embeds ?? [];
  }

  public get components(): Json[] {
    return this.message?.components ?? (this.modal?.components as Json[] | undefined) ?? [];
  }

  public get attachments(): AttachmentView[] {
    return this.message?.attachments ?? [];
  }

  /** Content and embeds flattened (for a modal: its title and component labels). */
  public get text(): string {
    if (this.modal) return flattenText(String(this.modal.title ?? ''), [], this.components);
    return this.message?.text ?? '';
  }

  /** Follow-up messages; waits until at least `count` (default 1) exist. */
  public async followUps(options: WaitOptions & { count?: number } = {}): Promise<MessageView[]> {
    const count = options.count ?? 1;
    const timeout = options.timeout ?? this.defaultTimeout;
    const collect = (): MessageView[] =>
      this.record.followUpIds.flatMap((id) => {
        const m = this.ctx.state.messages.get(id);
        return m ? [new MessageView(this.ctx, m)] : [];
      });
    if (this.record.followUpIds.length >= count) return collect();
    await waitFor(
      this.ctx,
      this.record,
      timeout,
      () => this.record.followUpIds.length >= count,
      () =>
        `Expected ${count} follow-up(s) to ${this.record.label} within ${timeout} ms, got ${this.record.followUpIds.length}`,
    );
    return collect();
  }
}

function waitFor(
  ctx: EmulatorContext,
  record: InteractionRecord,
  timeout: number,
  done: () => boolean,
  describe: () => string,
  failNow: () => string | null = () => null,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      ctx.state.events.off('interactionUpdate', onUpdate);
      if (error) reject(error);
      else resolve();
    };
    const check = (): void => {
      const failure = failNow();
      if (failure) finish(new Error(failure));
      else if (done()) finish();
    };
    const onUpdate = (id: string): void => {
      if (id === record.id) check();
    };
    const timer = setTimeout(() => finish(new Error(describe())), timeout);
    ctx.state.events.on('interactionUpdate', onUpdate);
    check();
  });
}

/** Waits until the user would see the bot's answer to an interaction. */
export async function awaitReply(
  ctx: EmulatorContext,
  record: InteractionRecord,
  timeout: number,
  gatewayConnected: () => boolean,
): Promise<InteractionReply> {
  const describe = (): string => {
    let why: string;
    if (!record.acknowledged) {
      why = gatewayConnected() ? 'the bot never acknowledged it' : 'no bot is connected to the gateway';
    } else if (record.responseType === 5) {
      why = 'the bot deferred (type 5) but never edited the reply or sent a follow-up';
    } else if (record.responseType === 6) {
      why = 'the bot deferred the update (type 6) but never edited the message or sent a follow-up';
    } else {
      why = `callback type ${String(record.responseType)}`;
    }
    return `No reply to ${record.label} within ${timeout} ms (${why})`;
  };
  const expired = (): string | null =>
    record.expired
      ? `No reply to ${record.label}: the bot did not acknowledge it within ${String(ctx.interactions.ackTimeoutMs)} ms ` +
        `(Discord's deadline; Discord shows "The application did not respond"). Defer first if the work takes longer.`
      : null;
  await waitFor(ctx, record, timeout, () => record.settled, describe, expired);
  return new InteractionReply(ctx, record, timeout);
}
