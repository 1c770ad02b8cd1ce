/**
 * What an uploaded workbook unpacks to, measured before ExcelJS reads it.
 * ExcelJS inflates every part into one string and holds every row in memory,
 * so a few megabytes packed with a million rows (or one enormous cell) would
 * cost the API tens of seconds and gigabytes before any check of ours ran.
 * Here each part is inflated with a ceiling on its output (node:zlib stops
 * there) and the rows of each sheet are counted from the bytes, naming the sheet.
 */
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

const unreadable = (why: string): PlanIssue => ({ where: '(workbook)', message: { zh: `无法读取 Excel 文件：${why}`, en: `cannot read the Excel file: ${why}` } });

/** The problems that keep a workbook from being read at all; empty when it is within the limits. */
export function checkWorkbookLimits(bytes: Buffer, limits: WorkbookLimits): PlanIssue[] {
  let parts: ZipPart[];
  try {
    parts = zipParts(bytes);
  } catch (e) {
    return [unreadable((e as Error).message)];
  }
  const unpacked = new Map<string, Buffer>();
  let budget = limits.maxUnpackedBytes;
  const mb = Math.floor(limits.maxUnpackedBytes / 1024 / 1024);
  const tooBig: PlanIssue = {
    where: '(workbook)',
    message: { zh: `工作簿解压后超过${mb}MB的上限，请删除多余的行、列和内容后再上传`, en: `the workbook unpacks to more than ${mb} MB; remove the extra rows, columns and content and upload it again` },
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
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(part.name) || part.name === 'xl/workbook.xml' || part.name === 'xl/_rels/workbook.xml.rels') unpacked.set(part.name, content);
  }
  const names = sheetNames(unpacked);
  const issues: PlanIssue[] = [];
  for (const [name, xml] of unpacked) {
    if (!name.startsWith('xl/worksheets/')) continue;
    if (countRows(xml) > limits.maxRowsPerSheet) {
      issues.push({ where: names.get(name) ?? name, message: { zh: `工作表行数超过上限${limits.maxRowsPerSheet}`, en: `more than ${limits.maxRowsPerSheet} rows` } });
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
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw new Error(`damaged zip entry ${name}`);
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

/** Sheet part → the sheet's name, from xl/workbook.xml and its relationships. */
function sheetNames(parts: Map<string, Buffer>): Map<string, string> {
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const unescape = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
  const targets = new Map<string, string>();
  for (const [tag] of (parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const [tag] of (parts.get('xl/workbook.xml')?.toString('utf8') ?? '').matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = attr(tag, 'name');
    const id = attr(tag, '\\w+:id');
    const part = id ? targets.get(id) : undefined;
    if (name && part) names.set(part, unescape(name));
  }
  return names;
}
