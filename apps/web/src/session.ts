/** The signed-in session, kept in sessionStorage: it ends with the browser tab. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'viewer' | 'submitter' | 'supervisor';
  department: string | null;
  /** Set for a session opened from an email link: that one item and purpose only. */
  scope?: { purpose: 'submit' | 'review' | 'contribute'; cycleId: string; department: string; itemKey: string };
}

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

const KEY = 'plan-eval.session';

export function readSession(): Session | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return s && Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(s));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
