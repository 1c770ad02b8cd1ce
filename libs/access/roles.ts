/**
 * The roles a person signs in with, declared once: the account entity, the
 * API's validation, the command line and the portal (which cannot import an
 * entity) all take them from here. admin is the bureau; submitter and
 * supervisor act for one department; viewer reads only (a third-party evaluator).
 */
export const USER_ROLES = ['admin', 'submitter', 'supervisor', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];
