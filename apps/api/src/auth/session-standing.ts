/**
 * Whether a signed session still stands, asked on every request after its
 * signature and expiry: an account's session against the account (one
 * lookup by primary key), a link session against the link's right (one
 * query: its item, cycle, contact, delegation and sign-out). Answers 401
 * when the session has ended; a link session whose purpose is done may
 * still read its item (the portal shows the outcome) but change nothing.
 */
import { linkRefusal, readLinkStanding, type LinkRefusal } from '@libs/access/link-standing';
import type { LinkScope } from '@libs/access/principal';
import { sessionRevocation, type AccountStanding, type SessionRevocation } from '@libs/access/sessions';
import type { Session } from '@libs/access/tokens';
import { loadConfig } from '@libs/config/config';
import type { AccessRepository } from '@libs/persistence/repositories/access.repository';
import type { Localized } from '@libs/plan/localized';
import { ApiProblem } from '../common/problem.filter';

const REVOKED: Record<SessionRevocation, Localized> = {
  inactive: {
    zh: '账号已停用或不存在，登录已失效',
    en: 'this account is deactivated or no longer exists; the session has ended',
  },
  reissued: {
    zh: '登录已失效（已退出，或账号的角色、部门或密码已变更），请重新登录',
    en: 'the session has ended (signed out, or the account’s role, department or password changed); please sign in again',
  },
};

const LABEL = { submitter: { zh: '填报人', en: 'submitter' }, supervisor: { zh: '审核人', en: 'supervisor' } };

/** The bureau a holder whose session ended is sent to (BUREAU_NAME), read when it ends. */
const bureau = () => loadConfig('bureau').BUREAU_NAME;

const ENDED: Record<Exclude<LinkRefusal, 'purpose_done'>, (scope: LinkScope) => Localized> = {
  item_gone: () => ({
    zh: `此邮件链接对应的事项已不存在，请联系${bureau()}。`,
    en: 'The item of this email link no longer exists; contact the statistics bureau.',
  }),
  signed_out: () => ({
    zh: '您已退出此邮件链接的登录。如需继续办理，请重新打开通知邮件中的链接。',
    en: 'You signed out of this email link; its session has ended. To go on, open the link in the notice again.',
  }),
  cycle_closed: () => ({
    zh: `本轮评估已结束，此邮件链接的登录已失效。如需修改请联系${bureau()}。`,
    en: 'This evaluation cycle is closed; the email link’s session has ended. Contact the statistics bureau for changes.',
  }),
  holder_changed: (scope) => {
    const role = LABEL[scope.purpose === 'review' ? 'supervisor' : 'submitter'];
    return {
      zh: `您已不再是该部门的${role.zh}，或您的委托已结束，此邮件链接的登录已失效。请联系本部门或${bureau()}。`,
      en: `You are no longer the department’s ${role.en}, or your delegation has ended; the email link’s session has ended. Contact your department or the statistics bureau.`,
    };
  },
};

const DONE: Record<LinkScope['purpose'], Localized> = {
  submit: {
    zh: '此事项已提交或已审核，邮件链接的办理已完成，不能再修改。如需修改请联系本部门审核人。',
    en: 'This item has been submitted or reviewed; the email link’s work is done and nothing more can be changed. Ask your supervisor for changes.',
  },
  review: {
    zh: '此事项已审核（或已退回、撤回），邮件链接的办理已完成。',
    en: 'This item has been reviewed (or returned); the email link’s work is done.',
  },
  contribute: {
    zh: '此事项已审核完毕，不能再提供配合意见。',
    en: 'This item has been reviewed; contributions are closed.',
  },
  comment: {
    zh: '评估报告的征求意见已结束，不能再通过此邮件链接提出意见。',
    en: 'The report is no longer out for comments; this email link can no longer be used to comment.',
  },
};

/** The refusal of a change through a link session whose purpose is done. */
export const linkPurposeDone = (scope: LinkScope) => new ApiProblem(403, 'link_session_ended', [DONE[scope.purpose]]);

/**
 * Throws 401 when the session no longer stands; for a link session, answers whether its purpose is done.
 * `accountStanding`: an account's standing (the API's SessionCache); a link's is read from `accounts`.
 */
export async function checkSessionStanding(
  accounts: AccessRepository,
  accountStanding: (accountId: string) => Promise<AccountStanding | null>,
  session: Session,
): Promise<{ purposeDone: boolean }> {
  const { principal } = session;
  if (!principal.scope) {
    const revoked = sessionRevocation(session, await accountStanding(principal.id));
    if (revoked) throw new ApiProblem(401, 'session_revoked', [REVOKED[revoked]]);
    return { purposeDone: false };
  }
  const scope = principal.scope;
  // A link session from before sessions had IDs cannot be signed out: it ends, and the link opens a new one.
  const refusal = session.sessionId
    ? linkRefusal(scope.purpose, await readLinkStanding(accounts, principal.email, scope, session.sessionId))
    : 'signed_out';
  if (refusal && refusal !== 'purpose_done') throw new ApiProblem(401, 'link_session_ended', [ENDED[refusal](scope)]);
  return { purposeDone: refusal === 'purpose_done' };
}
