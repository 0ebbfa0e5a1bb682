import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const postStatuses = [
  'draft', // previewed, waiting for Post or Cancel
  'review', // waiting for an approver
  'scheduled', // waiting for its time (or a retry)
  'posting', // a request to X is under way
  'posted',
  'failed',
  'rejected',
  'cancelled',
] as const;
export type PostStatus = (typeof postStatuses)[number];
export type PostAccount = 'guild' | 'bot';
export type PostSource = 'manual' | 'tip' | 'update';
/** The image types X takes in a post. */
export const imageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageType = (typeof imageTypes)[number];

/**
 * One post, from draft to X. Also the ledger the daily cap and minimum interval are counted
 * from, so they hold across restarts and processes.
 */
@Entity({ tableName: 'twitter_post' })
@Index({ properties: ['account', 'guildId', 'status', 'attemptStartedAt'] })
@Index({ properties: ['status', 'scheduledFor'] })
export class TwitterPost {
  public [OptionalProps]?:
    | 'authorId'
    | 'channelId'
    | 'image'
    | 'imageType'
    | 'source'
    | 'status'
    | 'reviewReason'
    | 'scheduledFor'
    | 'heldUntil'
    | 'attempts'
    | 'revision'
    | 'attemptStartedAt'
    | 'outcomeUnknown'
    | 'tweetId'
    | 'postedAt'
    | 'errorKind'
    | 'errorDetail'
    | 'errorAt'
    | 'reviewerId'
    | 'reviewNote'
    | 'reviewChannelId'
    | 'reviewMessageId'
    | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  public id!: number;

  @Property({ type: 'string', length: 20 })
  public guildId!: string;

  @Property({ type: 'string', length: 8 })
  public account!: PostAccount;

  /** Null for recurring content, or once the author asked to be forgotten. */
  @Property({ type: 'string', length: 20, nullable: true, index: true })
  public authorId: string | null = null;

  /** Where the author asked, to tell them the outcome when their DMs are closed. */
  @Property({ type: 'string', length: 20, nullable: true })
  public channelId: string | null = null;

  @Property({ type: 'text' })
  public text!: string;

  @Property({ type: 'blob', nullable: true, lazy: true })
  public image: Buffer | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  public imageType: ImageType | null = null;

  @Property({ type: 'string', length: 8 })
  public source: PostSource = 'manual';

  @Property({ type: 'string', length: 16 })
  public status: PostStatus = 'draft';

  /** Why it needs review though the guild doesn't require it (a sensitive topic). */
  @Property({ type: 'string', length: 100, nullable: true })
  public reviewReason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  public scheduledFor: Date | null = null;

  /** Set when X's rate limit (or the cap) pushed the post back: shown in the queue. */
  @Property({ type: 'datetime', nullable: true })
  public heldUntil: Date | null = null;

  @Property({ type: 'integer' })
  public attempts = 0;

  /**
   * Bumped by every edit. A review request approves one revision, and a claim can require it, so
   * text nobody reviewed never goes out on an older approval.
   */
  @Property({ type: 'integer' })
  public revision = 0;

  @Property({ type: 'datetime', nullable: true })
  public attemptStartedAt: Date | null = null;

  /** The last attempt timed out: X may have made the post, so check before sending again. */
  @Property({ type: 'boolean' })
  public outcomeUnknown = false;

  @Property({ type: 'string', length: 32, nullable: true })
  public tweetId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  public postedAt: Date | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  public errorKind: string | null = null;

  @Property({ type: 'text', nullable: true })
  public errorDetail: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  public errorAt: Date | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  public reviewerId: string | null = null;

  @Property({ type: 'text', nullable: true })
  public reviewNote: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  public reviewChannelId: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  public reviewMessageId: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  public createdAt: Date = new Date();
}
