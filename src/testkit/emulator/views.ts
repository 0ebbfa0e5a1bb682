import type { APIEmbed, APIMessage, APIUser } from 'discord.js';
import type { EmulatorContext } from './context';
import type { Json } from './payloads';
import type { MessageRecord } from './state';

export interface AttachmentView {
  id: string;
  filename: string;
  /** Same as filename (discord.js calls it `name`). */
  name: string;
  contentType: string;
  size: number;
  url: string;
  data: Buffer;
  /** The file decoded as UTF-8 (handy for text and JSON exports). */
  text: string;
  /** Same as text. */
  content: string;
}

/** Every piece of text a user would read in components (v2 text displays, buttons, select options). */
function componentText(components: Json[]): string[] {
  const out: string[] = [];
  const visit = (c: Json): void => {
    if (typeof c.content === 'string') out.push(c.content);
    if (typeof c.label === 'string') out.push(c.label);
    if (typeof c.placeholder === 'string') out.push(c.placeholder);
    for (const option of (c.options as Json[] | undefined) ?? [])
      if (typeof option.label === 'string') out.push(option.label);
    for (const child of (c.components as Json[] | undefined) ?? []) visit(child);
    if (c.component && typeof c.component === 'object') visit(c.component as Json);
    if (c.accessory && typeof c.accessory === 'object') visit(c.accessory as Json);
  };
  components.forEach(visit);
  return out;
}

/** Content plus every embed's author, title, description, fields and footer, one per line. */
export function flattenText(content: string, embeds: Json[], components: Json[] = []): string {
  const parts: string[] = content ? [content] : [];
  for (const embed of embeds) {
    const author = embed.author as Json | undefined;
    if (typeof author?.name === 'string') parts.push(author.name);
    if (typeof embed.title === 'string') parts.push(embed.title);
    if (typeof embed.description === 'string') parts.push(embed.description);
    for (const field of (embed.fields as Json[] | undefined) ?? [])
      parts.push(`${String(field.name)}\n${String(field.value)}`);
    const footer = embed.footer as Json | undefined;
    if (typeof footer?.text === 'string') parts.push(footer.text);
  }
  parts.push(...componentText(components));
  return parts.join('\n');
}

/** A snapshot of a message as a user sees it, with helpers for assertions. */
export class MessageView {
  public readonly id: string;
  public readonly channelId: string;
  public readonly guildId: string | null;
  public readonly author: APIUser;
  public readonly content: string;
  public readonly embeds: APIEmbed[];
  public readonly components: Json[];
  public readonly attachments: AttachmentView[];
  public readonly flags: number;
  /** The message object as Discord's REST API returns it. */
  public readonly raw: APIMessage;

  public constructor(ctx: EmulatorContext, record: MessageRecord) {
    const raw = ctx.messages.payload(record);
    this.raw = raw as unknown as APIMessage;
    this.id = record.id;
    this.channelId = record.channelId;
    this.guildId = record.guildId;
    this.author = raw.author as APIUser;
    this.content = record.content;
    this.embeds = structuredClone(record.embeds) as APIEmbed[];
    this.components = structuredClone(record.components);
    this.flags = record.flags;
    this.attachments = record.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      name: a.filename,
      contentType: a.contentType,
      size: a.data.length,
      url: ctx.messages.attachments.url(record.channelId, a),
      data: a.data,
      text: a.data.toString('utf8'),
      content: a.data.toString('utf8'),
    }));
  }

  public get authorId(): string {
    return this.author.id;
  }

  public get ephemeral(): boolean {
    return (this.flags & 64) !== 0;
  }

  /** Content, embeds and component text flattened into one string. */
  public get text(): string {
    return flattenText(this.content, this.embeds as Json[], this.components);
  }

  /** Every custom_id on the message (buttons and selects), for click() and select(). */
  public get customIds(): string[] {
    const ids: string[] = [];
    const visit = (c: Json): void => {
      if (typeof c.custom_id === 'string') ids.push(c.custom_id);
      for (const child of (c.components as Json[] | undefined) ?? []) visit(child);
      if (c.accessory && typeof c.accessory === 'object') visit(c.accessory as Json);
    };
    this.components.forEach(visit);
    return ids;
  }
}
