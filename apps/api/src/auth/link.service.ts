/**
 * Opening an email link: the token's signature and expiry, then whether it
 * still carries its right (libs/access/link-standing): the cycle runs, the
 * holder is still the department's contact or delegate in force, and the
 * item still waits on its purpose (an item already submitted has nothing
 * left to submit; one already reviewed nothing left to review). A good link
 * becomes a session for that one item and purpose, re-checked on every request.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { linkRefusal, readLinkStanding, type LinkRefusal } from '@libs/access/link-standing';
import type { Principal } from '@libs/access/principal';
import { TokenSigner, type LinkClaims } from '@libs/access/tokens';
import { loadConfig } from '@libs/config/config';
import type { Localized } from '@libs/plan/localized';
import type { EvaluationCycle, WorkItem } from '@libs/persistence/entities';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';

type LinkCode = 'link_invalid' | 'link_expired' | 'link_used' | 'link_revoked' | 'cycle_closed';

export type LinkOpening =
  | {
      ok: true;
      session: { token: string; expiresAt: string };
      principal: Principal;
      item: WorkItem;
      departmentName: string;
      cycle: EvaluationCycle;
    }
  | { ok: false; status: number; code: LinkCode; problem: Localized };

type Refused = Extract<LinkOpening, { ok: false }>;

/** The bureau a refused holder is sent to (BUREAU_NAME), read when a link is refused. */
const bureau = () => loadConfig('bureau').BUREAU_NAME;

const expired = (): Refused => ({
  ok: false,
  status: 410,
  code: 'link_expired',
  problem: {
    zh: `此链接已过期。请登录系统处理，或联系${bureau()}重新发送通知。`,
    en: 'This link has expired. Sign in to the portal, or ask the statistics bureau to send the notice again.',
  },
});
const INVALID: Refused = {
  ok: false,
  status: 400,
  code: 'link_invalid',
  problem: {
    zh: '此链接无效（可能不完整或被修改）。请从通知邮件中完整复制链接，或登录系统处理。',
    en: 'This link is not valid (it may be incomplete or altered). Copy the whole link from the email, or sign in to the portal.',
  },
};

/** Why a link no longer opens, as its page says it. A link itself is never signed out (its sessions are). */
function refused(refusal: Exclude<LinkRefusal, 'signed_out'>, c: LinkClaims): Refused {
  switch (refusal) {
    case 'item_gone':
      return {
        ok: false,
        status: 404,
        code: 'link_invalid',
        problem: {
          zh: `此链接对应的事项已不存在，请联系${bureau()}。`,
          en: 'The item of this link no longer exists; contact the statistics bureau.',
        },
      };
    case 'cycle_closed':
      return {
        ok: false,
        status: 409,
        code: 'cycle_closed',
        problem: {
          zh: `本轮评估已结束，不能再通过此链接填报或审核。如需修改请联系${bureau()}。`,
          en: 'This evaluation cycle is closed; the link can no longer be used. Contact the statistics bureau for changes.',
        },
      };
    case 'holder_changed': {
      const [zh, en] = c.purpose === 'review' ? ['审核人', 'supervisor'] : ['填报人', 'submitter'];
      return {
        ok: false,
        status: 403,
        code: 'link_revoked',
        problem: {
          zh: `此链接已失效：您已不再是该部门的${zh}，或您的委托已结束。请联系本部门或${bureau()}，新的通知会发给现在的${zh}。`,
          en: `This link no longer works: you are no longer the department’s ${en}, or your delegation has ended. Contact your department or the statistics bureau; new notices go to the current ${en}.`,
        },
      };
    }
    case 'purpose_done':
      return {
        ok: false,
        status: 409,
        code: 'link_used',
        problem:
          c.purpose === 'review'
            ? {
                zh: '此事项已审核完毕（或已退回、撤回），链接已使用，无需再次操作。',
                en: 'This item has already been reviewed (or returned); the link has been used and there is nothing left to do.',
              }
            : {
                zh: '此事项已提交，链接已使用。如需修改，请等待审核结果或联系本部门审核人。',
                en: 'This item has already been submitted; the link has been used. Wait for the review, or ask your supervisor.',
              },
      };
  }
}

@Injectable()
export class LinkService {
  constructor(
    @Inject(AccessRepository) private readonly accounts: AccessRepository,
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
    @Inject(CycleItemRepository) private readonly items: CycleItemRepository,
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
  ) {}

  async open(token: string): Promise<LinkOpening> {
    const checked = this.tokens.verifyLink(token);
    if (!checked.ok) return checked.reason === 'expired' ? expired() : INVALID;
    const c = checked.claims;
    const scope = { purpose: c.purpose, cycleId: c.cycleId, department: c.department, itemKey: c.itemKey };
    const refusal = linkRefusal(c.purpose, await readLinkStanding(this.accounts, c.email, scope));
    if (refusal && refusal !== 'signed_out') return refused(refusal, c);
    const [item, cycle] = await Promise.all([this.items.item(c.cycleId, c.itemKey), this.cycles.get(c.cycleId)]);
    if (!item) return refused('item_gone', c);
    // The code stands for the name when the directory has lost the department.
    const departmentName = (await this.catalog.department(item.department))?.name ?? item.department;
    const principal: Principal = {
      id: c.email,
      email: c.email,
      name: c.name,
      role: c.purpose === 'review' ? 'supervisor' : 'submitter',
      department: c.department,
      scope,
    };
    // Its own ID, so that signing it out ends this session and no other.
    const session = this.tokens.session({ ...principal, sessionId: randomUUID() });
    return { ok: true, session, principal, item, departmentName, cycle };
  }
}
