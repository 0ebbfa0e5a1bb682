import { validateCommand } from './commandValidation';
import { Errors } from './errors';
import type { Json } from './payloads';
import type { EmulatorState } from './state';

export interface CommandRecord {
  id: string;
  guildId: string | null;
  version: string;
  /** The definition as registered (name, description, type, options, ...). */
  data: Json;
}

const GLOBAL = 'global';

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Global and per-guild application commands, with Discord's per-day create budget. */
export class CommandRegistry {
  private readonly scopes = new Map<string, Map<string, CommandRecord>>();
  private readonly creates: { scope: string; day: string }[] = [];
  /** Discord's limits; tests may lower them. */
  public dailyCreateLimit = 200;
  public maxChatInputCommands = 100;

  public constructor(
    private readonly state: EmulatorState,
    private readonly applicationId: () => string,
  ) {}

  public list(guildId: string | null): CommandRecord[] {
    return [...this.scope(guildId).values()];
  }

  public get(guildId: string | null, id: string): CommandRecord {
    const record = this.scope(guildId).get(id);
    if (!record) throw Errors.unknownCommand();
    return record;
  }

  /** POST: creates, or overwrites the command with the same name and type (200 instead of 201). */
  public create(guildId: string | null, body: Json): { record: CommandRecord; created: boolean } {
    validateCommand(body);
    const existing = this.byName(guildId, body);
    if (existing) {
      existing.data = this.normalize(body, guildId);
      existing.version = this.state.ids.next();
      this.changed();
      return { record: existing, created: false };
    }
    this.checkBudget(guildId, [body]);
    const record = this.insert(guildId, body);
    this.changed();
    return { record, created: true };
  }

  public edit(guildId: string | null, id: string, body: Json): CommandRecord {
    const record = this.get(guildId, id);
    const merged = { ...record.data, ...body };
    validateCommand(merged);
    record.data = this.normalize(merged, guildId);
    record.version = this.state.ids.next();
    this.changed();
    return record;
  }

  public delete(guildId: string | null, id: string): void {
    this.get(guildId, id);
    this.scope(guildId).delete(id);
    this.changed();
  }

  /** PUT: the list becomes exactly `bodies`; commands keep their id when name and type match. */
  public bulkOverwrite(guildId: string | null, bodies: Json[]): CommandRecord[] {
    bodies.forEach((body, i) => validateCommand(body, [i]));
    const fresh = bodies.filter((body) => !this.byName(guildId, body));
    this.checkBudget(guildId, fresh, bodies);
    const next = new Map<string, CommandRecord>();
    const result = bodies.map((body) => {
      const existing = this.byName(guildId, body);
      if (!existing) return this.insert(guildId, body, next);
      existing.data = this.normalize(body, guildId);
      existing.version = this.state.ids.next();
      next.set(existing.id, existing);
      return existing;
    });
    this.scopes.set(guildId ?? GLOBAL, next);
    this.changed();
    return result;
  }

  /** Commands created today (UTC) in a guild, or globally when no guild is given. */
  public createsToday(guildId?: string | null): number {
    const scope = guildId ?? GLOBAL;
    const today = dayOf(new Date());
    return this.creates.filter((c) => c.scope === scope && c.day === today).length;
  }

  /** The command a user would pick by name in a guild (guild commands first) or in DMs. */
  public find(name: string, guildId: string | null): CommandRecord | undefined {
    const match = (record: CommandRecord): boolean => record.data.name === name && (record.data.type ?? 1) === 1;
    const inGuild = guildId ? this.list(guildId).find(match) : undefined;
    return inGuild ?? this.list(null).find(match);
  }

  public payload(record: CommandRecord): Json {
    return { ...record.data, id: record.id, application_id: this.applicationId(), version: record.version };
  }

  private scope(guildId: string | null): Map<string, CommandRecord> {
    const key = guildId ?? GLOBAL;
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = new Map();
      this.scopes.set(key, scope);
    }
    return scope;
  }

  private byName(guildId: string | null, body: Json): CommandRecord | undefined {
    const type = body.type ?? 1;
    return this.list(guildId).find((r) => r.data.name === body.name && (r.data.type ?? 1) === type);
  }

  private insert(guildId: string | null, body: Json, into = this.scope(guildId)): CommandRecord {
    const record: CommandRecord = {
      id: this.state.ids.next(),
      guildId,
      version: this.state.ids.next(),
      data: this.normalize(body, guildId),
    };
    into.set(record.id, record);
    this.creates.push({ scope: guildId ?? GLOBAL, day: dayOf(new Date()) });
    return record;
  }

  private checkBudget(guildId: string | null, fresh: Json[], all?: Json[]): void {
    if (fresh.length === 0) return;
    if (this.createsToday(guildId) + fresh.length > this.dailyCreateLimit) throw Errors.maxDailyCreates();
    const chatInput = (all ?? [...this.list(guildId).map((r) => r.data), ...fresh]).filter((b) => (b.type ?? 1) === 1);
    if (chatInput.length > this.maxChatInputCommands) throw Errors.maxGlobalCommands();
  }

  private normalize(body: Json, guildId: string | null): Json {
    const type = typeof body.type === 'number' ? body.type : 1;
    const data: Json = {
      type,
      name: body.name,
      name_localizations: body.name_localizations ?? null,
      description: type === 1 ? body.description : '',
      description_localizations: body.description_localizations ?? null,
      default_member_permissions: body.default_member_permissions ?? null,
      nsfw: body.nsfw ?? false,
      integration_types: body.integration_types ?? [0],
      contexts: body.contexts ?? null,
    };
    if (guildId) data.guild_id = guildId;
    else data.dm_permission = body.dm_permission ?? true;
    if (Array.isArray(body.options)) data.options = structuredClone(body.options);
    return data;
  }

  private changed(): void {
    this.state.events.emit('commandsChanged');
  }
}
