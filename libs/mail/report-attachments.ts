/**
 * What travels with a report_ready (or cycle_cancelled) notice: the Word
 * document and the Excel annex written beside the report's JSON figures, in
 * the recipient's language (`report-v1.docx`, or `report-v1.en.docx` for
 * English), those that exist.
 */
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Locale } from '../plan/localized';

export interface Attachment {
  filename: string;
  path: string;
}

export async function reportAttachments(reportPath: string | undefined, locale: Locale): Promise<Attachment[]> {
  if (!reportPath?.endsWith('.json')) return [];
  const base = reportPath.slice(0, -'.json'.length) + (locale === 'en' ? '.en' : '');
  const candidates = ['docx', 'xlsx'].map((ext) => `${base}.${ext}`);
  const present = await Promise.all(
    candidates.map((path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    ),
  );
  return candidates.filter((_, i) => present[i]).map((path) => ({ filename: basename(path), path }));
}
