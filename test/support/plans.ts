import { join } from 'node:path';

export const HEYUAN_PLAN_FILE = join(__dirname, '../../data/plans/heyuan-public-services-2021-2025.json');
