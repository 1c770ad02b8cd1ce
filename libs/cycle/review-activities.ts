/**
 * The activities the report's review workflow calls, as types only: the
 * workflow imports this contract, activities/review implements it.
 */
import type { Localized } from '../plan/localized';
import type { CycleDefinition } from './cycle-definition';
import type { ReviewNotice, ReviewRecord } from './report-review';
import type { NoticeResult } from './activities-contract';
import type { ReopenRequest } from './reopen';

/** What the review starts from: the latest draft version and each lead department's items. */
export interface ReviewOpening {
  draftVersion: number;
  departments: Array<{ code: string; itemKeys: string[] }>;
}

/** A compiled version of the report at a stage, with the hashes its files carry. */
export interface CompiledReport {
  version: number;
  contentHash: string;
  textHash: string;
  path: string;
}

export interface ReviewActivities {
  /** The cycle's latest report version and lead departments; refused (non-retryable) unless the cycle is closed. */
  openReview(input: { cycleId: string }): Promise<ReviewOpening>;
  /** Writes the review's row and its changed comments; a write older than what is stored changes nothing. */
  recordReview(record: ReviewRecord): Promise<void>;
  /** One review notice into the outbox (the department's part, a chase, the final version), waited for as any notice. */
  sendReviewNotice(input: ReviewNotice & { cycleId: string; deadline: number; at: number }): Promise<NoticeResult>;
  /**
   * Compiles the cycle's report at a stage from its latest version's figures
   * (and, for the final version, the bureau's text): a new version, whose
   * files carry the figures' and the text's hashes. The same stage asked again
   * for the same figures and text gives the version already written.
   */
  compileReportStage(input: { cycleId: string; stage: 'final' }): Promise<CompiledReport>;
  /**
   * A granted dispute's reopen, checked as the bureau's reopen is: its
   * problems, or (unless only checking) the cycle's definition to rerun with,
   * the first collection's department deadlines cleared as a reopen clears them.
   */
  prepareReviewReopen(
    input: Omit<ReopenRequest, 'deadline' | 'hardClose'> & { cycleId: string; check: boolean },
  ): Promise<{ problems: Localized[]; definition: CycleDefinition | null }>;
  /** The cycle's latest report version (after a reopen's close). */
  latestReportVersion(input: { cycleId: string }): Promise<number>;
}
