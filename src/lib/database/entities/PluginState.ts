import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Whether a plugin is on in a guild. A missing row means the plugin's own default. */
@Entity({ tableName: 'plugin_state' })
export class PluginState {
  @PrimaryKey({ type: 'string', length: 20 })
  public guildId!: string;

  @PrimaryKey({ type: 'string', length: 64 })
  public plugin!: string;

  @Property({ type: 'boolean' })
  public enabled!: boolean;

  @Property({ type: 'string', length: 20, nullable: true })
  public updatedBy: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  public updatedAt: Date = new Date();
}
