import { Migration } from '@mikro-orm/migrations';

export class Migration20261122130000_coping_level extends Migration {
  public override async up(): Promise<void> {
    // Events recorded before keep a null level: an edit never escalates them (their alert was decided).
    this.addSql('alter table "coping_crisis_event" add column "level" varchar(16) null;');
    this.addSql('create index "coping_crisis_event_created_at_index" on "coping_crisis_event" ("created_at");');
  }
}
