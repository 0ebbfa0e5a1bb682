import { Migration } from '@mikro-orm/migrations';

export class Migration20261201000000_twitter extends Migration {
  public override async up(): Promise<void> {
    this.addSql(`create table "twitter_settings" (
      "guild_id" varchar(20) not null primary key,
      "approval_required" boolean not null default false,
      "review_channel_id" varchar(20) null,
      "approver_role_id" varchar(20) null,
      "daily_cap" int null,
      "min_interval_minutes" int null,
      "blocked_terms" jsonb not null,
      "time_zone" varchar(64) not null default 'UTC',
      "updated_at" timestamptz not null default now());`);
    this.addSql(`create table "twitter_account" (
      "guild_id" varchar(20) not null primary key,
      "x_user_id" varchar(32) not null,
      "username" varchar(64) not null,
      "access_token" text not null,
      "access_secret" text not null,
      "connected_by" varchar(20) null,
      "connected_at" timestamptz not null default now());`);
    this.addSql(`create table "twitter_connect_request" (
      "guild_id" varchar(20) not null primary key,
      "user_id" varchar(20) not null,
      "request_token" varchar(128) not null,
      "request_secret" text not null,
      "expires_at" timestamptz not null);`);
    this.addSql(`create table "twitter_post" (
      "id" serial primary key,
      "guild_id" varchar(20) not null,
      "account" varchar(8) not null,
      "author_id" varchar(20) null,
      "channel_id" varchar(20) null,
      "text" text not null,
      "image" bytea null,
      "image_type" varchar(64) null,
      "source" varchar(8) not null default 'manual',
      "status" varchar(16) not null default 'draft',
      "review_reason" varchar(100) null,
      "scheduled_for" timestamptz null,
      "held_until" timestamptz null,
      "attempts" int not null default 0,
      "attempt_started_at" timestamptz null,
      "outcome_unknown" boolean not null default false,
      "tweet_id" varchar(32) null,
      "posted_at" timestamptz null,
      "error_kind" varchar(32) null,
      "error_detail" text null,
      "error_at" timestamptz null,
      "reviewer_id" varchar(20) null,
      "review_note" text null,
      "review_channel_id" varchar(20) null,
      "review_message_id" varchar(20) null,
      "created_at" timestamptz not null default now());`);
    this.addSql(`create index "twitter_post_author_id_index" on "twitter_post" ("author_id");`);
    this.addSql(
      `create index "twitter_post_account_guild_id_status_attempt_started_at_index" on "twitter_post" ("account", "guild_id", "status", "attempt_started_at");`,
    );
    this.addSql(
      `create index "twitter_post_status_scheduled_for_index" on "twitter_post" ("status", "scheduled_for");`,
    );
    this.addSql(`create table "twitter_recurring" (
      "id" serial primary key,
      "guild_id" varchar(20) not null,
      "kind" varchar(8) not null,
      "account" varchar(8) not null,
      "rule" jsonb not null,
      "description" varchar(200) not null,
      "next_at" timestamptz not null,
      "cursor" int not null default 0,
      "created_by" varchar(20) null);`);
    this.addSql(
      `alter table "twitter_recurring" add constraint "twitter_recurring_guild_id_kind_unique" unique ("guild_id", "kind");`,
    );
  }

  public override async down(): Promise<void> {
    for (const table of [
      'twitter_recurring',
      'twitter_post',
      'twitter_connect_request',
      'twitter_account',
      'twitter_settings',
    ])
      this.addSql(`drop table if exists "${table}";`);
  }
}
