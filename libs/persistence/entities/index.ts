import { Delegation, Department, DepartmentContact, DepartmentGroupMember } from './department.entity';
import { BasicServiceItem, Indicator, MainTarget, MainTask, MajorProject, Responsibility } from './plan-items.entity';
import { Category, Plan } from './plan.entity';
import {
  AuditEntry,
  EndedLinkSession,
  EvidenceFile,
  IdempotencyKey,
  SignInThrottle,
  UserAccount,
} from './access.entity';
import { CycleReport, EvaluationCycle, ItemEvent, Notice, SubmissionVersion, WorkItem } from './cycle.entity';
import { DepartmentAssessment } from './assessment.entity';
import { CycleProblem } from './cycle-problem.entity';
import { ReportTextEdit } from './report-text.entity';
import { ReportCommentRow, ReportReviewRow } from './review.entity';
import { TargetAdjustment, TargetAdjustmentStep } from './adjustment.entity';

export * from './department.entity';
export * from './plan-items.entity';
export * from './plan.entity';
export * from './cycle.entity';
export * from './assessment.entity';
export * from './cycle-problem.entity';
export * from './report-text.entity';
export * from './review.entity';
export * from './access.entity';
export * from './adjustment.entity';

export const catalogEntities = [
  Plan,
  Category,
  Department,
  DepartmentContact,
  DepartmentGroupMember,
  Delegation,
  Indicator,
  MainTarget,
  MainTask,
  MajorProject,
  BasicServiceItem,
  Responsibility,
];

export const cycleEntities = [
  EvaluationCycle,
  WorkItem,
  SubmissionVersion,
  ItemEvent,
  Notice,
  CycleReport,
  DepartmentAssessment,
  CycleProblem,
  ReportReviewRow,
  ReportCommentRow,
  ReportTextEdit,
];

export const accessEntities = [UserAccount, AuditEntry, EvidenceFile, EndedLinkSession, IdempotencyKey, SignInThrottle];

export const adjustmentEntities = [TargetAdjustment, TargetAdjustmentStep];

export const allEntities = [...catalogEntities, ...cycleEntities, ...accessEntities, ...adjustmentEntities];
