import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportAttachments } from './report-attachments';

describe('reportAttachments', () => {
  it('attaches the Word document and the Excel annex in the reader’s language, those that exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plan-eval-attach-'));
    for (const name of ['report-v2.json', 'report-v2.docx', 'report-v2.xlsx', 'report-v2.html', 'report-v2.en.docx'])
      await writeFile(join(dir, name), name);
    const json = join(dir, 'report-v2.json');
    expect(await reportAttachments(json, 'zh-CN')).toEqual([
      { filename: 'report-v2.docx', path: join(dir, 'report-v2.docx') },
      { filename: 'report-v2.xlsx', path: join(dir, 'report-v2.xlsx') },
    ]);
    expect(await reportAttachments(json, 'en')).toEqual([
      { filename: 'report-v2.en.docx', path: join(dir, 'report-v2.en.docx') },
    ]);
    expect(await reportAttachments(undefined, 'zh-CN')).toEqual([]);
    expect(await reportAttachments(join(dir, 'missing.json'), 'zh-CN')).toEqual([]);
  });
});
