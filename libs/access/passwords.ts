/**
 * Passwords: hashed with bcrypt (bcryptjs: no native build step), and what a
 * password must be to be set, judged by zxcvbn (its common-password list and
 * its estimate of how many guesses a password takes).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import bcrypt from 'bcryptjs';
import type { Localized } from '../plan/localized';

const COST = 10;
/** bcrypt reads 72 bytes and silently ignores the rest: a longer password would not be what protects the account. */
export const PASSWORD_MAX_BYTES = 72;
const MIN_LENGTH = 10;
/** zxcvbn's score: 3 is "safely unguessable" against an online attack, what a sign-in is. */
const MIN_SCORE = 3;

/**
 * The hash of a random password nobody knows, with the accounts' cost: a
 * sign-in for an unknown email is checked against it, so that it takes as long
 * as a wrong password and timing tells nobody which emails have accounts.
 */
const NOBODY = '$2b$10$iV8KiHArNbaZ8S.ZXheIKuuSeQwfGt5cktIkh0bKk7e8LoFa3ieLu';

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, COST);

/** Whether the password is the one hashed; without a hash (no account, no password), always false, in the same time. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? NOBODY);
  return matches && hash != null;
}

/** Made on first use: reading the dictionaries takes a moment that only a password change needs. */
let estimator: { zxcvbn: ZxcvbnFactory; common: Set<string> } | undefined;
const strength = () =>
  (estimator ??= {
    zxcvbn: new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs }),
    common: new Set(common.dictionary['passwords-common']),
  });

/**
 * Null when the password may be set; otherwise what to change. `personal`: the
 * account's email and name, which a password should not be made of.
 */
export function checkPasswordStrength(password: string, personal: string[] = []): Localized | null {
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes > PASSWORD_MAX_BYTES) {
    return {
      zh: `密码过长：最多${PASSWORD_MAX_BYTES}个字节（UTF-8 编码，一个汉字占3个字节），此密码有${bytes}个字节`,
      en: `the password is too long: at most ${PASSWORD_MAX_BYTES} bytes in UTF-8 (a Chinese character takes 3), this one has ${bytes}`,
    };
  }
  if ([...password].length < MIN_LENGTH)
    return { zh: `密码至少需要${MIN_LENGTH}个字符`, en: `a password needs at least ${MIN_LENGTH} characters` };
  const { zxcvbn, common: listed } = strength();
  if (listed.has(password.toLowerCase()))
    return {
      zh: '这是常见密码（在常用密码表中），请换一个',
      en: 'this is a common password (it is on the list of common passwords); choose another',
    };
  const { score } = zxcvbn.check(password, personal);
  if (score < MIN_SCORE) {
    return {
      zh: `密码太容易被猜到（强度${score}/4，至少需要${MIN_SCORE}）：请避免常见词、姓名、邮箱、日期、键盘顺序和重复字符，可用几个不相关的词组成较长的密码`,
      en: `the password is too easy to guess (strength ${score}/4, at least ${MIN_SCORE} needed): avoid common words, names, the email, dates, keyboard runs and repeats; several unrelated words make a good long password`,
    };
  }
  return null;
}
