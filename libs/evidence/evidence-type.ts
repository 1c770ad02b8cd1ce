/**
 * Which evidence files are accepted, and whether a file is what its name
 * says: the extension picks the type, the first bytes must agree. A renamed
 * executable or a truncated upload is refused with a message saying so.
 */
import type { Localized } from '../plan/localized';

interface EvidenceType {
  mediaType: string;
  label: string;
  matches: (bytes: Buffer) => boolean;
}

const startsWith = (sig: number[]) => (b: Buffer) => sig.every((byte, i) => b[i] === byte);
const zip = startsWith([0x50, 0x4b, 0x03, 0x04]);
/** Plain text: decodes as UTF-8 and has no NUL bytes. */
const text = (b: Buffer) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b);

export const EVIDENCE_TYPES: Record<string, EvidenceType> = {
  pdf: { mediaType: 'application/pdf', label: 'PDF', matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  png: { mediaType: 'image/png', label: 'PNG', matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { mediaType: 'image/jpeg', label: 'JPEG', matches: startsWith([0xff, 0xd8, 0xff]) },
  jpeg: { mediaType: 'image/jpeg', label: 'JPEG', matches: startsWith([0xff, 0xd8, 0xff]) },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word',
    matches: zip,
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel',
    matches: zip,
  },
  csv: { mediaType: 'text/csv', label: 'CSV', matches: text },
  txt: { mediaType: 'text/plain', label: '文本', matches: text },
};

export type EvidenceCheck = { ok: true; mediaType: string } | { ok: false; problem: Localized };

export function checkEvidenceFile(name: string, bytes: Buffer, maxBytes: number): EvidenceCheck {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = EVIDENCE_TYPES[ext];
  const accepted = Object.keys(EVIDENCE_TYPES).join('、');
  if (!type)
    return {
      ok: false,
      problem: {
        zh: `不支持“${name}”的文件类型；可上传：${accepted}`,
        en: `"${name}" is not an accepted type; accepted: ${Object.keys(EVIDENCE_TYPES).join(', ')}`,
      },
    };
  if (bytes.length === 0) return { ok: false, problem: { zh: `文件“${name}”是空的`, en: `"${name}" is empty` } };
  if (bytes.length > maxBytes) return { ok: false, problem: sizeProblem(name, maxBytes) };
  if (!type.matches(bytes))
    return {
      ok: false,
      problem: {
        zh: `文件“${name}”的内容不是${type.label}格式，与扩展名不符`,
        en: `the content of "${name}" is not ${type.label}; it does not match its extension`,
      },
    };
  return { ok: true, mediaType: type.mediaType };
}

export const sizeProblem = (name: string, maxBytes: number): Localized => ({
  zh: `文件“${name}”超过${Math.floor(maxBytes / 1024 / 1024)}MB的上限`,
  en: `"${name}" is larger than the ${Math.floor(maxBytes / 1024 / 1024)} MB limit`,
});
