/**
 * Whether an email link still carries the right it was sent with: its cycle
 * still runs, its holder is still the department's contact for the link's
 * role or the delegate in force, and its item still waits on its purpose.
 * Asked when a link is opened and on every request of the session it opened,
 * so a changed contact, an ended delegation or a finished item ends the link
 * and its session at once, not when the token expires.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { ContactRole } from '../persistence/entities';
import type { LinkScope } from './principal';

/** Which item states each purpose is still open in. */
export const OPEN_IN: Record<LinkScope['purpose'], string[]> = {
  submit: ['assigned', 'draft', 'returned'],
  review: ['submitted'],
  contribute: ['assigned', 'draft', 'returned', 'submitted'],
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
}

/**
 * One query: the item and its cycle, the department's contact and latest
 * delegate in force for the role (as `recipientFor` picks who is mailed), and
 * whether the session was signed out. Null when the item does not exist.
 */
export async function readLinkStanding(
  db: DataSource | EntityManager,
  holder: string,
  scope: LinkScope,
  sessionId?: string,
): Promise<LinkStanding | null> {
  const [row]: Array<{ item_status: string; cycle_running: boolean; holder_entitled: boolean; signed_out: boolean }> =
    await db.query(
      `SELECT w.status AS item_status, c.status = 'running' AS cycle_running,
            coalesce(lower(k.email) = lower($5) OR lower(g.delegate_email) = lower($5), false) AS holder_entitled,
            EXISTS (SELECT 1 FROM ended_link_session e WHERE e.session_id = $6::uuid) AS signed_out
       FROM work_item w
       JOIN evaluation_cycle c ON c.id = w.cycle_id
       LEFT JOIN department d ON d.code = $3
       LEFT JOIN department_contact k ON k."departmentId" = d.id AND k.role = $4
       LEFT JOIN LATERAL (
         SELECT delegate_email FROM delegation
          WHERE "departmentId" = d.id AND role = $4 AND valid_from <= now() AND valid_until > now()
          ORDER BY valid_from DESC LIMIT 1
       ) g ON true
      WHERE w.cycle_id = $1 AND w.item_key = $2`,
      [scope.cycleId, scope.itemKey, scope.department, linkRole(scope.purpose), holder, sessionId ?? null],
    );
  return row
    ? {
        itemStatus: row.item_status,
        cycleRunning: row.cycle_running,
        holderEntitled: row.holder_entitled,
        signedOut: row.signed_out,
      }
    : null;
}

export type LinkRefusal = 'item_gone' | 'signed_out' | 'cycle_closed' | 'holder_changed' | 'purpose_done';

/** Why a link (or the session it opened) may no longer be used, the most final reason first; null while it may. */
export function linkRefusal(purpose: LinkScope['purpose'], standing: LinkStanding | null): LinkRefusal | null {
  if (!standing) return 'item_gone';
  if (standing.signedOut) return 'signed_out';
  if (!standing.cycleRunning) return 'cycle_closed';
  if (!standing.holderEntitled) return 'holder_changed';
  if (!OPEN_IN[purpose].includes(standing.itemStatus)) return 'purpose_done';
  return null;
}
