/**
 * Opening an email link: the token's signature and expiry, then whether its
 * purpose is still open (an item already submitted has nothing left to
 * submit; one already reviewed nothing left to review). A good link becomes a
 * session for that one item and purpose.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@libs/access/principal';
import { TokenSigner, type LinkClaims } from '@libs/access/tokens';
import type { Localized } from '@libs/plan/localized';
import { Department, EvaluationCycle, WorkItem } from '@libs/persistence/entities';

export type LinkOpening =
  | { ok: true; session: { token: string; expiresAt: string }; principal: Principal; item: WorkItem; departmentName: string; cycle: EvaluationCycle }
  | { ok: false; status: number; code: 'link_invalid' | 'link_expired' | 'link_used' | 'cycle_closed'; problem: Localized };

/** Which item states each purpose is still open in. */
const OPEN_IN: Record<LinkClaims['purpose'], string[]> = {
  submit: ['assigned', 'draft', 'returned'],
  review: ['submitted'],
  contribute: ['assigned', 'draft', 'returned', 'submitted'],
};

@Injectable()
export class LinkService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
  ) {}

  async open(token: string): Promise<LinkOpening> {
    const checked = this.tokens.verifyLink(token);
    if (!checked.ok) {
      return checked.reason === 'expired'
        ? { ok: false, status: 410, code: 'link_expired', problem: { zh: '此链接已过期。请登录系统处理，或联系市统计局重新发送通知。', en: 'This link has expired. Sign in to the portal, or ask the statistics bureau to send the notice again.' } }
        : { ok: false, status: 400, code: 'link_invalid', problem: { zh: '此链接无效（可能不完整或被修改）。请从通知邮件中完整复制链接，或登录系统处理。', en: 'This link is not valid (it may be incomplete or altered). Copy the whole link from the email, or sign in to the portal.' } };
    }
    const c = checked.claims;
    const item = await this.ds.getRepository(WorkItem).findOneBy({ cycleId: c.cycleId, itemKey: c.itemKey });
    const cycle = await this.ds.getRepository(EvaluationCycle).findOneBy({ id: c.cycleId });
    if (!item || !cycle) return { ok: false, status: 404, code: 'link_invalid', problem: { zh: '此链接对应的事项已不存在，请联系市统计局。', en: 'The item of this link no longer exists; contact the statistics bureau.' } };
    if (cycle.status !== 'running') {
      return { ok: false, status: 409, code: 'cycle_closed', problem: { zh: '本轮评估已结束，不能再通过此链接填报或审核。如需修改请联系市统计局。', en: 'This evaluation cycle is closed; the link can no longer be used. Contact the statistics bureau for changes.' } };
    }
    if (!OPEN_IN[c.purpose].includes(item.status)) {
      const done = c.purpose === 'review' ? { zh: '此事项已审核完毕（或已退回、撤回），链接已使用，无需再次操作。', en: 'This item has already been reviewed (or returned); the link has been used and there is nothing left to do.' } : { zh: '此事项已提交，链接已使用。如需修改，请等待审核结果或联系本部门审核人。', en: 'This item has already been submitted; the link has been used. Wait for the review, or ask your supervisor.' };
      return { ok: false, status: 409, code: 'link_used', problem: done };
    }
    const department = await this.ds.getRepository(Department).findOneBy({ code: item.department });
    const principal: Principal = {
      id: c.email,
      email: c.email,
      name: c.name,
      role: c.purpose === 'review' ? 'supervisor' : 'submitter',
      department: c.department,
      scope: { purpose: c.purpose, cycleId: c.cycleId, department: c.department, itemKey: c.itemKey },
    };
    const session = this.tokens.session(principal);
    return { ok: true, session, principal, item, departmentName: department?.name ?? item.department, cycle };
  }
}
