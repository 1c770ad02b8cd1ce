/** Pieces every page uses: loading data with its error shown, the cycle picker, status tags, refusals in words. */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { Alert, App, Select, Tag } from 'antd';
import type { CycleStatus } from '@libs/cycle/cycle-definition';
import type { ItemStatus } from '@libs/cycle/department-state';
import { timelinessShown, type TimelinessSoFar } from '@libs/cycle/timeliness';
import { all, ApiError } from './api';
import { useI18n, type I18n } from './i18n';
import {
  CYCLE_STATUS_LABELS,
  ITEM_STATUS_LABELS,
  STATUS_COLORS,
  TIMELINESS_LABELS,
  cycleTitle,
  type Cycle,
} from './labels';
import { useRouter } from './router';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): void;
}

/** Runs `load` now and whenever its dependencies change; `reload()` runs it again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const { t } = useI18n();
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) =>
        live &&
        setState({
          data: null,
          error:
            e instanceof ApiError
              ? e.message
              : t('无法连接服务器，请稍后重试', 'Cannot reach the server; please try again'),
          loading: false,
        }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

export function LoadError({ error }: { error: string | null }) {
  return error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null;
}

/** A refusal as one line, or every problem the API named. */
export function refusal(e: unknown, i18n: I18n): string {
  if (e instanceof ApiError) return e.details.length > 1 ? e.details.map((d) => i18n.lx(d)).join('；') : e.message;
  return i18n.t('操作失败，请稍后重试', 'That did not work; please try again');
}

/** Runs an action, tells the person how it went, and reports whether it worked. */
export function useAction() {
  const i18n = useI18n();
  const { message } = App.useApp();
  /** `done` says what happened, from the answer when the API words it (立即催办 says who is reminded and when). */
  return async <T,>(run: () => Promise<T>, done: string | ((answer: T) => string)): Promise<boolean> => {
    try {
      const answer = await run();
      void message.success(typeof done === 'string' ? done : done(answer), typeof done === 'string' ? 3 : 8);
      return true;
    } catch (e) {
      void message.error(refusal(e, i18n), 6);
      return false;
    }
  };
}

/** An item's state as the item lists answer it (not yet described in the OpenAPI document: a string). */
export function ItemStatusTag({ status }: { status: string }) {
  const { lx } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status as ItemStatus]}>{lx(ITEM_STATUS_LABELS[status as ItemStatus]) || status}</Tag>
  );
}

/** A department's timeliness; 部分未报 where it owes items but has submitted some (`submitted`: items submitted at least once). */
export function TimelinessTag({ timeliness, submitted }: { timeliness: string; submitted: number }) {
  const { lx } = useI18n();
  const label = TIMELINESS_LABELS[timelinessShown(timeliness as TimelinessSoFar, submitted)];
  return <Tag color={label?.color}>{lx(label) || timeliness}</Tag>;
}

export function CycleStatusTag({ status }: { status: CycleStatus }) {
  const { lx } = useI18n();
  const label = CYCLE_STATUS_LABELS[status];
  return <Tag color={label?.color}>{lx(label) || status}</Tag>;
}

/** The cycles a person can pick from, newest first; the choice lives in the address (?cycle=). */
export function useCyclePicker(): { cycles: Cycle[]; cycle: Cycle | null; picker: ReactElement; error: string | null } {
  const { t, lx } = useI18n();
  const { path, search, navigate } = useRouter();
  const loaded = useLoad(() => all<Cycle>('/api/cycles'), []);
  const cycles = loaded.data ?? [];
  const wanted = search.get('cycle');
  const cycle = cycles.find((c) => c.id === wanted) ?? cycles.find((c) => c.status === 'running') ?? cycles[0] ?? null;
  const picker = (
    <Select
      aria-label={t('评估轮次', 'Evaluation cycle')}
      style={{ minWidth: 280 }}
      loading={loaded.loading}
      value={cycle?.id}
      placeholder={t('选择评估轮次', 'Choose a cycle')}
      onChange={(id: string) => {
        // Only the cycle changes: the rest of the address (the inbox's ?tab=) stays.
        const query = new URLSearchParams(search);
        query.set('cycle', id);
        navigate(`${path}?${query}`, { replace: true });
      }}
      options={cycles.map((c) => ({
        value: c.id,
        label: `${lx(cycleTitle(c))}（${lx(CYCLE_STATUS_LABELS[c.status])}）`,
      }))}
    />
  );
  return { cycles, cycle, picker, error: loaded.error };
}
