import { Migration } from '@mikro-orm/migrations';

export class Migration20261215000000_twitter_revision extends Migration {
  public override async up(): Promise<void> {
    this.addSql(`alter table "twitter_post" add column "revision" int not null default 0;`);
  }

  public override async down(): Promise<void> {
    this.addSql(`alter table "twitter_post" drop column "revision";`);
  }
}
