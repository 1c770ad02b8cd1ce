import { join } from 'node:path';

export const HEYUAN_PLAN_FILE = join(__dirname, '../../data/plans/heyuan-public-services-2021-2025.json');

/** The organs the Heyuan plan's evaluation reports are issued by (the tests' report covers). */
export const HEYUAN_ISSUER = {
  zh: '河源市统计局、河源市发展和改革局',
  en: 'Heyuan Municipal Bureau of Statistics; Heyuan Municipal Development and Reform Bureau',
};
