import { CreateCatalog1795977965268 } from './1795977965268-CreateCatalog';
import { CreateCycles1795979169688 } from './1795979169688-CreateCycles';
import { AddDelegations1795983865203 } from './1795983865203-AddDelegations';
import { AddAccessAndAudit1795986219583 } from './1795986219583-AddAccessAndAudit';
import { AddNoticeRelay1796036400000 } from './1796036400000-AddNoticeRelay';
import { CompressNoticeMessagesWithLz41796040000000 } from './1796040000000-CompressNoticeMessagesWithLz4';
import { SessionRevocationAndIdempotencyKeys1796046000000 } from './1796046000000-SessionRevocationAndIdempotencyKeys';
import { AddSignInThrottle1796050000000 } from './1796050000000-AddSignInThrottle';
import { NoticeResends1796100000000 } from './1796100000000-NoticeResends';
import { ItemAttention1796100100000 } from './1796100100000-ItemAttention';
import { TargetIndicators1796200000000 } from './1796200000000-TargetIndicators';
import { ServiceItemDepartments1796200100000 } from './1796200100000-ServiceItemDepartments';
import { PlanPeriodName1796210000000 } from './1796210000000-PlanPeriodName';
import { PlanTranslations1796200500000 } from './1796200500000-PlanTranslations';
import { DroppedNotices1796230000000 } from './1796230000000-DroppedNotices';
import { DepartmentDeadlines1796220000000 } from './1796220000000-DepartmentDeadlines';
import { NoticeQueuedNotify1796240000000 } from './1796240000000-NoticeQueuedNotify';
import { DepartmentAssessment1796300000000 } from './1796300000000-DepartmentAssessment';
import { TargetAdjustments1796300100000 } from './1796300100000-TargetAdjustments';
import { ReportReview1796300200000 } from './1796300200000-ReportReview';
import { ReportTextEdits1796300300000 } from './1796300300000-ReportTextEdits';
import { CycleProblems1796300400000 } from './1796300400000-CycleProblems';
import { AccountChangedNotify1796310000000 } from './1796310000000-AccountChangedNotify';

/** Every migration, in order. */
export const migrations = [
  CreateCatalog1795977965268,
  CreateCycles1795979169688,
  AddDelegations1795983865203,
  AddAccessAndAudit1795986219583,
  AddNoticeRelay1796036400000,
  CompressNoticeMessagesWithLz41796040000000,
  SessionRevocationAndIdempotencyKeys1796046000000,
  AddSignInThrottle1796050000000,
  NoticeResends1796100000000,
  ItemAttention1796100100000,
  TargetIndicators1796200000000,
  ServiceItemDepartments1796200100000,
  PlanTranslations1796200500000,
  PlanPeriodName1796210000000,
  DepartmentDeadlines1796220000000,
  DroppedNotices1796230000000,
  NoticeQueuedNotify1796240000000,
  DepartmentAssessment1796300000000,
  TargetAdjustments1796300100000,
  ReportReview1796300200000,
  ReportTextEdits1796300300000,
  CycleProblems1796300400000,
  AccountChangedNotify1796310000000,
];
