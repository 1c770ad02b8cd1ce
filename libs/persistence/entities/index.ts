import { Department, DepartmentContact, DepartmentGroupMember } from './department.entity';
import { BasicServiceItem, Indicator, MainTarget, MainTask, MajorProject, Responsibility } from './plan-items.entity';
import { Category, Plan } from './plan.entity';

export * from './department.entity';
export * from './plan-items.entity';
export * from './plan.entity';

export const catalogEntities = [
  Plan,
  Category,
  Department,
  DepartmentContact,
  DepartmentGroupMember,
  Indicator,
  MainTarget,
  MainTask,
  MajorProject,
  BasicServiceItem,
  Responsibility,
];
