import type { CommandRecord } from './commands';
import type { EmulatorContext } from './context';
import { interactionChannel } from './interactionPayload';
import { type Json, memberPayload, rolePayload, userPayload } from './payloads';
import { channelPermissions } from './permissions';

/** A file given as an ATTACHMENT option value. */
export interface AttachmentOptionValue {
  name: string;
  content: string | Buffer;
  contentType?: string;
}

export type OptionValue = string | number | boolean | { id: string } | AttachmentOptionValue;

export interface BuildOptionsInput {
  command: CommandRecord;
  /** Subcommand group and/or subcommand names. */
  path: string[];
  values: Record<string, OptionValue>;
  channelId: string;
  guildId: string | null;
  /** The invoking user (for permissions in `resolved`). */
  userId: string;
  /** Autocomplete: the option being typed in and its raw text. */
  focused?: { name: string; value: string };
}

const TYPE_NAMES: Record<number, string> = {
  3: 'string',
  4: 'integer',
  5: 'boolean',
  6: 'user',
  7: 'channel',
  8: 'role',
  9: 'mentionable',
  10: 'number',
  11: 'attachment',
};

function idOf(value: OptionValue): string {
  return typeof value === 'object' && value !== null && 'id' in value ? String(value.id) : String(value);
}

/**
 * Turns `{ plugin: 'reminders' }` into the `data` of an application command interaction, typed from
 * the registered definition: subcommands nested, integers as numbers, `resolved` filled.
 */
export function buildCommandData(ctx: EmulatorContext, input: BuildOptionsInput): Json {
  const { command } = input;
  const label = `/${[command.data.name, ...input.path].join(' ')}`;
  let defs = (command.data.options as Json[] | undefined) ?? [];
  const wrappers: Json[] = [];
  for (const part of input.path) {
    const sub = defs.find((d) => d.name === part && (d.type === 1 || d.type === 2));
    if (!sub) {
      const known = defs.filter((d) => d.type === 1 || d.type === 2).map((d) => d.name);
      throw new Error(`${label}: no subcommand '${part}' (available: ${known.join(', ') || 'none'})`);
    }
    wrappers.push({ name: part, type: sub.type });
    defs = (sub.options as Json[] | undefined) ?? [];
  }
  if (defs.some((d) => d.type === 1 || d.type === 2)) {
    throw new Error(`${label} needs a subcommand: ${defs.map((d) => d.name).join(', ')}`);
  }
  const resolved: Record<string, Record<string, Json>> = {};
  const options: Json[] = [];
  const given = { ...input.values };
  if (input.focused) given[input.focused.name] = input.focused.value;
  for (const name of Object.keys(given)) {
    if (!defs.some((d) => d.name === name)) {
      throw new Error(`${label} has no option '${name}' (options: ${defs.map((d) => d.name).join(', ') || 'none'})`);
    }
  }
  for (const def of defs) {
    const name = String(def.name);
    const value = given[name];
    if (value === undefined) {
      if (def.required === true && !input.focused) throw new Error(`${label}: required option '${name}' is missing`);
      continue;
    }
    if (input.focused?.name === name) {
      options.push({ name, type: def.type, value: String(value), focused: true });
      continue;
    }
    options.push({ name, type: def.type, value: convert(ctx, input, def, value, resolved, label) });
  }
  let nested: Json[] = options;
  for (const wrapper of wrappers.reverse()) nested = [{ ...wrapper, options: nested }];
  const data: Json = { id: command.id, name: command.data.name, type: 1, options: nested };
  if (command.guildId) data.guild_id = command.guildId;
  if (Object.keys(resolved).length > 0) data.resolved = resolved;
  return data;
}

function convert(
  ctx: EmulatorContext,
  input: BuildOptionsInput,
  def: Json,
  value: OptionValue,
  resolved: Record<string, Record<string, Json>>,
  label: string,
): unknown {
  const type = Number(def.type);
  const where = `${label}: option '${String(def.name)}' (${TYPE_NAMES[type] ?? type})`;
  const add = (kind: string, id: string, object: Json): void => {
    resolved[kind] ??= {};
    resolved[kind][id] = object;
  };
  let result: unknown;
  switch (type) {
    case 3:
      result = String(value);
      break;
    case 4:
    case 10: {
      const n = Number(value);
      if (!Number.isFinite(n) || (type === 4 && !Number.isInteger(n))) throw new Error(`${where} got ${String(value)}`);
      if (typeof def.min_value === 'number' && n < def.min_value)
        throw new Error(`${where}: ${n} < min ${def.min_value}`);
      if (typeof def.max_value === 'number' && n > def.max_value)
        throw new Error(`${where}: ${n} > max ${def.max_value}`);
      result = n;
      break;
    }
    case 5:
      result = value === true || value === 'true';
      break;
    case 6:
    case 9: {
      const id = idOf(value);
      const guild = input.guildId ? ctx.state.guilds.get(input.guildId) : undefined;
      if (type === 9 && guild?.roles.has(id)) {
        add('roles', id, rolePayload(guild.roles.get(id)!) as unknown as Json);
      } else {
        const user = ctx.state.users.get(id);
        if (!user) throw new Error(`${where}: unknown user ${id}`);
        add('users', id, userPayload(user) as unknown as Json);
        const member = guild?.members.get(id);
        if (member) {
          const channel = ctx.state.channel(input.channelId);
          const m = memberPayload(ctx.state, member, false) as unknown as Json;
          add('members', id, { ...m, permissions: channelPermissions(ctx.state, channel, id).toString() });
        }
      }
      result = id;
      break;
    }
    case 7: {
      const channel = ctx.state.channels.get(idOf(value));
      if (!channel) throw new Error(`${where}: unknown channel ${idOf(value)}`);
      const types = def.channel_types as number[] | undefined;
      if (types && !types.includes(channel.type)) throw new Error(`${where}: channel type ${channel.type} not allowed`);
      add('channels', channel.id, interactionChannel(ctx, channel, input.userId));
      result = channel.id;
      break;
    }
    case 8: {
      const role = input.guildId ? ctx.state.guilds.get(input.guildId)?.roles.get(idOf(value)) : undefined;
      if (!role) throw new Error(`${where}: unknown role ${idOf(value)}`);
      add('roles', role.id, rolePayload(role) as unknown as Json);
      result = role.id;
      break;
    }
    case 11: {
      const file = value as AttachmentOptionValue;
      const attachment = ctx.messages.attachments.loose(input.channelId, file.name, file.content, file.contentType);
      const attachmentId = String(attachment.id);
      add('attachments', attachmentId, attachment);
      result = attachmentId;
      break;
    }
    default:
      throw new Error(`${where}: unsupported option type`);
  }
  const choices = def.choices as Json[] | undefined;
  if (choices && choices.length > 0 && !choices.some((c) => c.value === result)) {
    throw new Error(
      `${where}: ${JSON.stringify(result)} is not one of the choices ${choices.map((c) => JSON.stringify(c.value)).join(', ')}`,
    );
  }
  return result;
}
