/**
 * Whether an email link still carries the right it was sent with: its cycle
 * still runs, its holder is still the department's contact for the link's
 * role or the delegate in force, and its item still waits on its purpose.
 * Asked when a link is opened and on every request of the session it opened,
 * so a changed contact, an ended delegation or a finished item ends the link
 * and its session at once, not when the token expires.
 */
import { ITEM_STATUSES } from '../cycle/department-state';
import type { ContactRole } from '../persistence/entities';
import type { AccessRepository } from '../persistence/repositories/access.repository';
import type { LinkScope } from './principal';

/** Which item states each purpose is still open in. */
export const OPEN_IN: Record<LinkScope['purpose'], string[]> = {
  submit: ['assigned', 'draft', 'returned'],
  review: ['submitted'],
  contribute: ['assigned', 'draft', 'returned', 'submitted'],
  // A comment link is about its department's part whatever its items' state: the review's stage decides (`reviewOpen`).
  comment: [...ITEM_STATUSES],
};

/** The department role a link's holder acts in: supervisors review, submitters submit and contribute. */
export const linkRole = (purpose: LinkScope['purpose']): ContactRole =>
  purpose === 'review' ? 'supervisor' : 'submitter';

export interface LinkStanding {
  itemStatus: string;
  cycleRunning: boolean;
  /** The holder is the department's contact in the link's role, or the delegate in force for it. */
  holderEntitled: boolean;
  /** The session opened from the link was signed out (never true for the link itself). */
  signedOut: boolean;
  /** The cycle's report is out for comments (its review takes comments): what a comment link needs instead of a running cycle. */
  reviewOpen: boolean;
}

/** The link's standing now (AccessRepository.linkStanding); null when its item does not exist. */
export function readLinkStanding(
  accounts: AccessRepository,
  holder: string,
  scope: LinkScope,
  sessionId?: string,
): Promise<LinkStanding | null> {
  return accounts.linkStanding({ ...scope, role: linkRole(scope.purpose) }, holder, sessionId ?? null);
}

export type LinkRefusal = 'item_gone' | 'signed_out' | 'cycle_closed' | 'holder_changed' | 'purpose_done';

/** Why a link (or the session it opened) may no longer be used, the most final reason first; null while it may. */
export function linkRefusal(purpose: LinkScope['purpose'], standing: LinkStanding | null): LinkRefusal | null {
  if (!standing) return 'item_gone';
  if (standing.signedOut) return 'signed_out';
  if (purpose !== 'comment' && !standing.cycleRunning) return 'cycle_closed';
  if (!standing.holderEntitled) return 'holder_changed';
  if (purpose === 'comment' ? !standing.reviewOpen : !OPEN_IN[purpose].includes(standing.itemStatus))
    return 'purpose_done';
  return null;
}
