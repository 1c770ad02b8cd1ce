import { checkEvidenceFile } from './evidence-type';

const MB = 1024 * 1024;
const pdf = Buffer.from('%PDF-1.7\n...');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]);
const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00]);

describe('checkEvidenceFile', () => {
  it.each<[string, string, Buffer, number, string | null]>([
    ['a PDF', '统计公报.pdf', pdf, MB, 'application/pdf'],
    ['a PNG, extension in capitals', 'photo.PNG', png, MB, 'image/png'],
    ['an Excel workbook', '附表.xlsx', zip, MB, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['Chinese CSV text', '数据.csv', Buffer.from('指标,数值\n人均预期寿命,78.6\n'), MB, 'text/csv'],
    ['an executable renamed .pdf', 'report.pdf', exe, MB, '内容不是PDF格式'],
    ['binary bytes named .csv', 'data.csv', Buffer.from([0x41, 0x00, 0x42]), MB, '内容不是CSV格式'],
    ['an unknown extension', 'setup.exe', exe, MB, '不支持“setup.exe”的文件类型'],
    ['no extension', 'README', pdf, MB, '不支持“README”的文件类型'],
    ['an empty file', 'a.pdf', Buffer.alloc(0), MB, '是空的'],
    ['one byte over the limit', 'big.txt', Buffer.alloc(MB + 1, 0x41), MB, '超过1MB的上限'],
    ['exactly the limit', 'big.txt', Buffer.alloc(MB, 0x41), MB, 'text/plain'],
  ])('%s', (_, name, bytes, max, expected) => {
    const check = checkEvidenceFile(name, bytes, max);
    if (check.ok) expect(check.mediaType).toBe(expected);
    else expect(check.problem.zh).toContain(expected);
  });
});
