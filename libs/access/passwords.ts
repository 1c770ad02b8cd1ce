/** Password hashing with bcrypt (bcryptjs: no native build step). */
import bcrypt from 'bcryptjs';
import type { Localized } from '../plan/localized';

const COST = 10;

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string): Promise<boolean> => bcrypt.compare(password, hash);

/** Null when the password is acceptable; otherwise what to change. */
export function checkPasswordStrength(password: string): Localized | null {
  if (password.length < 10) return { zh: '密码至少需要10个字符', en: 'a password needs at least 10 characters' };
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return { zh: '密码须同时包含字母和数字', en: 'a password needs both letters and digits' };
  return null;
}
