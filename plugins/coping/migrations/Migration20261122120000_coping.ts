import { Migration } from '@mikro-orm/migrations';

export class Migration20261122120000_coping extends Migration {
  public override async up(): Promise<void> {
    this.addSql(`create table "coping_toolbox_item" (
      "id" serial primary key,
      "user_id" varchar(20) not null,
      "text" text not null,
      "created_at" timestamptz not null);`);
    this.addSql('create index "coping_toolbox_item_user_id_index" on "coping_toolbox_item" ("user_id");');
    this.addSql(`create table "coping_plan" (
      "user_id" varchar(20) not null,
      "content" text not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "coping_plan_pkey" primary key ("user_id"));`);
    this.addSql(`create table "coping_guild_settings" (
      "guild_id" varchar(20) not null,
      "detection" boolean not null default false,
      "alert_channel_id" varchar(20) null,
      "country" varchar(2) null,
      "retain_text" boolean not null default false,
      "updated_by" varchar(20) null,
      "updated_at" timestamptz not null,
      constraint "coping_guild_settings_pkey" primary key ("guild_id"));`);
    this.addSql(`create table "coping_opt_out" (
      "user_id" varchar(20) not null,
      "created_at" timestamptz not null,
      constraint "coping_opt_out_pkey" primary key ("user_id"));`);
    this.addSql(`create table "coping_dm_cooldown" (
      "user_id" varchar(20) not null,
      "last_sent_at" timestamptz not null,
      constraint "coping_dm_cooldown_pkey" primary key ("user_id"));`);
    this.addSql(`create table "coping_crisis_event" (
      "id" serial primary key,
      "guild_id" varchar(20) not null,
      "channel_id" varchar(20) not null,
      "message_id" varchar(20) not null,
      "user_id" varchar(20) not null,
      "details" text not null,
      "dm_status" varchar(16) not null default 'none',
      "alert_message_id" varchar(20) null,
      "alert_channel_id" varchar(20) null,
      "outcome" varchar(16) null,
      "handled_by" varchar(20) null,
      "handled_at" timestamptz null,
      "created_at" timestamptz not null);`);
    this.addSql('create index "coping_crisis_event_user_id_index" on "coping_crisis_event" ("user_id");');
    this.addSql(
      'alter table "coping_crisis_event" add constraint "coping_crisis_event_message_id_unique" unique ("message_id");',
    );
  }
}
