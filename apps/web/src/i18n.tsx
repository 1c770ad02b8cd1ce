/**
 * zh-CN first, English on request: every text is written as the pair
 * t('中文', 'English'); a Localized from the API ({ zh, en }) reads with lx().
 * The choice is kept in localStorage and sent to the API as Accept-Language.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale, Localized } from '@libs/plan/localized';

export type { Locale, Localized };

const KEY = 'plan-eval.locale';

export function currentLocale(): Locale {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
}

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
  document.title = locale === 'en' ? 'Plan evaluation portal' : '规划监测评估系统';
}

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(zh: string, en: string): string;
  lx(text: Localized | null | undefined): string;
  /** A date and time as civil servants read it (Asia/Shanghai). */
  when(value: string | number | Date | null | undefined): string;
}

const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = currentLocale();
    applyLocale(l);
    return l;
  });
  const value = useMemo<I18n>(() => {
    const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return {
      locale,
      setLocale(next) {
        localStorage.setItem(KEY, next);
        applyLocale(next);
        setLocaleState(next);
      },
      t: (zh, en) => (locale === 'en' ? en : zh),
      lx: (text) => (text ? (locale === 'en' ? text.en : text.zh) : ''),
      when: (v) => (v === null || v === undefined || v === '' ? '—' : format.format(new Date(v))),
    };
  }, [locale]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
