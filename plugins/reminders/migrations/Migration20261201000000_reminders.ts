import { Migration } from '@mikro-orm/migrations';

export class Migration20261201000000_reminders extends Migration {
  public override async up(): Promise<void> {
    this.addSql(`create table "reminders_reminder" (
      "id" serial primary key,
      "user_id" varchar(20) not null,
      "guild_id" varchar(20) null,
      "origin_channel_id" varchar(20) null,
      "target" varchar(10) not null,
      "channel_id" varchar(20) null,
      "role_id" varchar(20) null,
      "text" text not null,
      "due_at" timestamptz(3) not null,
      "rule" jsonb null,
      "state" varchar(16) not null default 'pending',
      "claimed_at" timestamptz null,
      "attempts" int not null default 0,
      "late_reason" varchar(20) null,
      "snooze_of" int null,
      "delivered_at" timestamptz null,
      "created_at" timestamptz not null);`);
    this.addSql('create index "reminders_reminder_user_id_state_index" on "reminders_reminder" ("user_id", "state");');
    this.addSql('create index "reminders_reminder_state_due_at_index" on "reminders_reminder" ("state", "due_at");');
    this.addSql(
      'create index "reminders_reminder_guild_id_target_state_index" on "reminders_reminder" ("guild_id", "target", "state");',
    );
    this.addSql(`create table "reminders_user" (
      "user_id" varchar(20) not null primary key,
      "zone" varchar(64) null,
      "delivery" varchar(10) not null default 'dm',
      "dm_refusals" int not null default 0,
      "dm_channel_id" varchar(20) null,
      "checkin_hours" int null,
      "checkin_next_at" timestamptz null,
      "checkin_guild_id" varchar(20) null,
      "updated_at" timestamptz not null);`);
    this.addSql(`create table "reminders_guild" (
      "guild_id" varchar(20) not null primary key,
      "zone" varchar(64) null,
      "updated_at" timestamptz not null);`);
    this.addSql(`create table "reminders_notice" (
      "id" serial primary key,
      "user_id" varchar(20) not null,
      "reminder_id" int null,
      "message" text not null,
      "created_at" timestamptz not null);`);
    this.addSql('create index "reminders_notice_user_id_index" on "reminders_notice" ("user_id");');
  }
}
