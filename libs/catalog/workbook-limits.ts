/**
 * What an uploaded workbook unpacks to, measured before ExcelJS reads it.
 * ExcelJS inflates every part into one string and holds every row in memory,
 * so a few megabytes packed with a million rows (or one enormous cell) would
 * cost the API tens of seconds and gigabytes before any check of ours ran.
 * Here each part is inflated with a ceiling on its output (node:zlib stops
 * there) and the rows of every part are counted from the bytes. Where a sheet
 * lives is the workbook's to say (xl/workbook.xml and its relationships), and
 * it can say anywhere; ExcelJS moreover reads any part whose name merely
 * contains `xl/worksheets/sheetN.xml`, whether or not anything points at it.
 * So no part is left out: one over the limit is named by its sheet, or by its
 * path when no sheet points at it.
 */
import { posix } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { PlanIssue } from '../plan/localized';

export interface WorkbookLimits {
  /** Rows (the header included) any one sheet may hold. */
  maxRowsPerSheet: number;
  /** Bytes all the parts of the workbook may unpack to, together. */
  maxUnpackedBytes: number;
}

interface ZipPart {
  name: string;
  method: number;
  data: Buffer;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

const unreadable = (why: string): PlanIssue => ({
  where: '(workbook)',
  message: { zh: `无法读取 Excel 文件：${why}`, en: `cannot read the Excel file: ${why}` },
});

/** The problems that keep a workbook from being read at all; empty when it is within the limits. */
export function checkWorkbookLimits(bytes: Buffer, limits: WorkbookLimits): PlanIssue[] {
  let parts: ZipPart[];
  try {
    parts = zipParts(bytes);
  } catch (e) {
    return [unreadable((e as Error).message)];
  }
  /** Rows in each part that has any (a name listed twice in the zip counts twice). */
  const rows = new Map<string, number>();
  const workbook = new Map<string, Buffer>();
  let budget = limits.maxUnpackedBytes;
  const mb = Math.floor(limits.maxUnpackedBytes / 1024 / 1024);
  const tooBig: PlanIssue = {
    where: '(workbook)',
    message: {
      zh: `工作簿解压后超过${mb}MB的上限，请删除多余的行、列和内容后再上传`,
      en: `the workbook unpacks to more than ${mb} MB; remove the extra rows, columns and content and upload it again`,
    },
  };
  for (const part of parts) {
    if (part.name.endsWith('/')) continue;
    let content: Buffer;
    if (part.method === 0) content = part.data;
    else if (part.method === 8) {
      try {
        content = inflateRawSync(part.data, { maxOutputLength: budget + 1 });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return [tooBig];
        return [unreadable(`${part.name}: ${(e as Error).message}`)];
      }
    } else return [unreadable(`unsupported compression ${part.method} in ${part.name}`)];
    if (content.length > budget) return [tooBig];
    budget -= content.length;
    const n = countRows(content);
    if (n > 0) rows.set(part.name, (rows.get(part.name) ?? 0) + n);
    if (part.name === WORKBOOK || part.name === WORKBOOK_RELS) workbook.set(part.name, content);
  }
  const names = sheetNames(workbook);
  const issues: PlanIssue[] = [];
  for (const [part, n] of rows) {
    if (n > limits.maxRowsPerSheet) {
      issues.push({
        where: names.get(part) ?? part,
        message: { zh: `工作表行数超过上限${limits.maxRowsPerSheet}`, en: `more than ${limits.maxRowsPerSheet} rows` },
      });
    }
  }
  return issues;
}

/** The parts listed in the zip's central directory, each with its (still packed) data. */
function zipParts(bytes: Buffer): ZipPart[] {
  const end = bytes.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'));
  if (end < 0 || end + 22 > bytes.length) throw new Error('not a zip archive (an .xlsx file is one)');
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw new Error('damaged zip directory');
    const method = bytes.readUInt16LE(p + 10);
    const packedSize = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const skip = nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, '');
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50)
      throw new Error(`damaged zip entry ${name}`);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    // 0xFFFFFFFF: the size is in a ZIP64 field; a deflate stream ends by itself, so read to the end.
    const stop = packedSize === 0xffffffff ? bytes.length : start + packedSize;
    if (stop > bytes.length) throw new Error(`truncated zip entry ${name}`);
    parts.push({ name, method, data: bytes.subarray(start, stop) });
    p += 46 + skip;
  }
  return parts;
}

/** `<row>` elements in a sheet's XML, counted on the bytes (no string of the whole sheet is made). */
function countRows(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
    const next = xml[i + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

/**
 * Sheet part → the sheet's name, from xl/workbook.xml and its relationships.
 * A target is relative to xl/ (`worksheets/sheet1.xml`, `../other/s.xml`) or
 * absolute within the package (`/xl/other/s.xml`), as OPC has it.
 */
function sheetNames(parts: Map<string, Buffer>): Map<string, string> {
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined);
  const unescape = (s: string) =>
    s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
  const targets = new Map<string, string>();
  for (const [tag] of (parts.get(WORKBOOK_RELS)?.toString('utf8') ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, partName(unescape(target)));
  }
  const names = new Map<string, string>();
  for (const [tag] of (parts.get(WORKBOOK)?.toString('utf8') ?? '').matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = attr(tag, 'name');
    const id = attr(tag, '\\w+:id');
    const part = id ? targets.get(id) : undefined;
    if (name && part) names.set(part, unescape(name));
  }
  return names;
}

/** The zip entry a relationship of xl/workbook.xml points at (entries are named without a leading slash). */
function partName(target: string): string {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all: the name as written.
  }
  return posix.normalize(path.startsWith('/') ? path : posix.join('xl', path)).replace(/^\/+/, '');
}
