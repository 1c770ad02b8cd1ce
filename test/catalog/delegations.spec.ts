import { importPlan } from '@libs/catalog/catalog-import';
import { actorFor, delegate, DelegationError, recipientFor } from '@libs/catalog/delegations';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';
import { HEYUAN_PLAN_FILE } from '../support/plans';

describe('delegations (real PostgreSQL)', () => {
  let db: TestDatabase;
  const at = (iso: string) => Date.parse(iso);
  const catalog = () => new CatalogRepository(db.dataSource);
  const accounts = () => new AccessRepository(db.dataSource);
  beforeAll(async () => {
    db = await createTestDatabase();
    await importPlan(db.dataSource, await readPlanFile(HEYUAN_PLAN_FILE));
    await delegate(catalog(), accounts(), {
      department: 'city-health',
      role: 'supervisor',
      delegateName: '王芳',
      delegateEmail: 'wang.fang@wjj.heyuan.example',
      validFrom: '2024-03-01T00:00:00+08:00',
      validUntil: '2024-04-01T00:00:00+08:00',
      createdBy: 'bureau@heyuan.example',
      byBureau: true,
    });
  });
  afterAll(() => db.drop());

  it.each([
    ['before the period', '2024-02-29T12:00:00+08:00', 'supervisor@city-health.heyuan.example'],
    ['during it', '2024-03-15T12:00:00+08:00', 'wang.fang@wjj.heyuan.example'],
    ['after it', '2024-04-01T00:00:00+08:00', 'supervisor@city-health.heyuan.example'],
  ])('sends the supervisor’s notices %s to %s', async (_label, when, email) => {
    expect((await recipientFor(catalog(), 'city-health', 'supervisor', at(when)))?.to?.email).toBe(email);
  });

  it('lets the delegate act only during the period, and the contact always', async () => {
    expect(
      await actorFor(
        catalog(),
        'wang.fang@wjj.heyuan.example',
        'city-health',
        'supervisor',
        at('2024-03-15T00:00:00Z'),
      ),
    ).toEqual({
      id: 'wang.fang@wjj.heyuan.example',
      name: '王芳',
      role: 'supervisor',
      department: 'city-health',
    });
    await expect(
      actorFor(catalog(), 'wang.fang@wjj.heyuan.example', 'city-health', 'supervisor', at('2024-05-01T00:00:00Z')),
    ).rejects.toThrow('不是市卫生健康局的审核人，也没有有效的委托');
    await expect(
      actorFor(catalog(), 'wang.fang@wjj.heyuan.example', 'city-health', 'submitter', at('2024-03-15T00:00:00Z')),
    ).rejects.toThrow(DelegationError);
    expect(
      (
        await actorFor(
          catalog(),
          'supervisor@city-health.heyuan.example',
          'city-health',
          'supervisor',
          at('2024-03-15T00:00:00Z'),
        )
      ).id,
    ).toBe('supervisor@city-health.heyuan.example');
  });

  const base = {
    department: 'city-health',
    role: 'submitter' as const,
    delegateName: '李四',
    delegateEmail: 'li.si@heyuan.example',
    validFrom: '2024-03-01',
    validUntil: '2024-04-01',
    createdBy: 'bureau',
    byBureau: true,
  };
  it.each([
    [{ validFrom: '2024-05-01', validUntil: '2024-04-01' }, '委托期限无效'],
    [{ delegateEmail: 'not-an-email' }, '邮箱“not-an-email”格式不对'],
    [{ department: 'city-weather' }, '没有代码为“city-weather”的部门'],
  ])('refuses a bad delegation: %j', async (change, message) => {
    await expect(delegate(catalog(), accounts(), { ...base, ...change })).rejects.toThrow(message);
  });

  // Submitting and reviewing take two people; a supervisor names only people the bureau knows.
  it.each([
    [
      'the role’s own holder',
      { delegateEmail: 'Submitter@city-health.heyuan.example' },
      '已是市卫生健康局的填报人，不能委托给本人',
      false,
    ],
    [
      'the other role’s contact',
      { delegateEmail: 'supervisor@city-health.heyuan.example' },
      '是市卫生健康局的审核人，不能同时担任填报人',
      false,
    ],
    [
      'the other role’s delegate during the period',
      { delegateEmail: 'wang.fang@wjj.heyuan.example' },
      '是市卫生健康局的审核人，不能同时担任填报人',
      false,
    ],
    ['an outsider, named by a supervisor', { byBureau: false }, '委托给外部人员须由市统计局办理', true],
  ])('refuses a delegation to %s', async (_label, change, message, needsBureau) => {
    const refused = await delegate(catalog(), accounts(), { ...base, ...change }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DelegationError);
    expect((refused as DelegationError).message).toContain(message);
    expect((refused as DelegationError).needsBureau).toBe(needsBureau);
  });

  it.each([
    [
      'the other role’s delegate outside the period',
      { delegateEmail: 'wang.fang@wjj.heyuan.example', validFrom: '2024-04-01', validUntil: '2024-05-01' },
    ],
    ['an outsider, named by the bureau', {}],
    [
      'another department’s contact, named by a supervisor',
      { delegateEmail: 'submitter@city-education.heyuan.example', byBureau: false },
    ],
  ])('accepts a delegation to %s', async (_label, change) => {
    await expect(delegate(catalog(), accounts(), { ...base, ...change })).resolves.toMatchObject({ role: 'submitter' });
  });
});
