import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000000_core extends Migration {
  public override async up(): Promise<void> {
    this.addSql(`create table "guild_settings" (
      "guild_id" varchar(20) not null primary key,
      "prefix" varchar(10) null,
      "log_channel_id" varchar(20) null,
      "updated_at" timestamptz not null default now());`);
    this.addSql(`create table "plugin_state" (
      "guild_id" varchar(20) not null,
      "plugin" varchar(64) not null,
      "enabled" boolean not null,
      "updated_by" varchar(20) null,
      "updated_at" timestamptz not null default now(),
      primary key ("guild_id", "plugin"));`);
    this.addSql(`create table "system_log" (
      "id" bigserial primary key,
      "guild_id" varchar(20) null,
      "user_id" varchar(20) null,
      "type" varchar(16) not null,
      "title" varchar(200) not null,
      "description" text null,
      "metadata" jsonb null,
      "severity" varchar(16) not null default 'info',
      "created_at" timestamptz not null default now());`);
    this.addSql(
      `create index "system_log_guild_id_type_created_at_index" on "system_log" ("guild_id", "type", "created_at");`,
    );
    this.addSql(`create index "system_log_type_created_at_index" on "system_log" ("type", "created_at");`);
    this.addSql(`create index "system_log_created_at_index" on "system_log" ("created_at");`);
  }

  public override async down(): Promise<void> {
    this.addSql('drop table if exists "system_log";');
    this.addSql('drop table if exists "plugin_state";');
    this.addSql('drop table if exists "guild_settings";');
  }
}
