/**
 * Who is making a request, as the API knows them after sign-in or after
 * opening an email link, and the actor they are inside a cycle's workflow.
 */
import type { Actor } from '../cycle/department-state';
import type { UserRole } from './roles';

/** What an email link lets its holder do: one item, one purpose (a comment link: its department's part of the report). */
export interface LinkScope {
  purpose: 'submit' | 'review' | 'contribute' | 'comment';
  cycleId: string;
  department: string;
  itemKey: string;
}

export interface Principal {
  /** User ID, or the email address for someone who entered through a link. */
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** Department code for submitters and supervisors. */
  department: string | null;
  /** Present only for a session opened from an email link. */
  scope?: LinkScope;
}

/** The bureau acts for every department under this pseudo-department. */
export const BUREAU = 'bureau';

/** The workflow's actor for a principal: the bureau's staff act as the bureau. */
export function actorOf(p: Principal): Actor {
  if (p.role === 'admin') return { id: p.email, name: p.name, role: 'bureau', department: BUREAU };
  return {
    id: p.email,
    name: p.name,
    role: p.role === 'supervisor' ? 'supervisor' : 'submitter',
    department: p.department ?? '',
  };
}
