import { findBoilerplate, normaliseText, type WrittenText } from './boilerplate';

const w = (
  item: number,
  department: string,
  text: string | null,
  field: WrittenText['field'] = 'reasons',
): WrittenText => ({ item, department, field, text });

describe('normaliseText: the same words whatever the spacing, punctuation or width', () => {
  it.each<[string, string]>([
    ['加强统筹，压实责任。', '加强统筹压实责任'],
    [' 加强统筹 压实责任 ', '加强统筹压实责任'],
    ['加强统筹、压实责任！', '加强统筹压实责任'],
    ['受疫情影响（２０２２年）', '受疫情影响2022年'],
    ['Funding  Delayed.', 'fundingdelayed'],
    ['——', ''],
  ])('%s → %s', (text, normalised) => expect(normaliseText(text)).toBe(normalised));
});

describe('findBoilerplate', () => {
  it.each<[string, WrittenText[], Array<{ field: string; text: string; items: number[]; departments: string[] }>]>([
    [
      'three items of one department, written three ways: flagged, quoted as first written',
      [
        w(5, '市卫生健康局', '受疫情影响，进度放缓。'),
        w(6, '市卫生健康局', ' 受疫情影响 进度放缓'),
        w(20, '市卫生健康局', '受疫情影响、进度放缓！'),
      ],
      [{ field: 'reasons', text: '受疫情影响，进度放缓。', items: [5, 6, 20], departments: ['市卫生健康局'] }],
    ],
    [
      'two items of one department: not yet',
      [w(5, '市卫生健康局', '受疫情影响'), w(6, '市卫生健康局', '受疫情影响')],
      [],
    ],
    [
      'two items of two departments: flagged',
      [w(11, '市教育局', '加强统筹'), w(17, '市人力资源社会保障局', '加强统筹')],
      [{ field: 'reasons', text: '加强统筹', items: [11, 17], departments: ['市教育局', '市人力资源社会保障局'] }],
    ],
    [
      'one item twice (reasons in two years): one item, not boilerplate',
      [w(11, '市教育局', '加强统筹'), w(11, '市统计局', '加强统筹')],
      [],
    ],
    [
      'the same words as a reason and as a measure are different things',
      [w(1, 'a', '加强统筹'), w(2, 'a', '加强统筹', 'measures'), w(3, 'a', '加强统筹')],
      [],
    ],
    [
      'measures grouped apart from reasons',
      [
        w(1, 'a', '加大投入', 'measures'),
        w(2, 'a', '加大投入', 'measures'),
        w(3, 'a', '加大投入', 'measures'),
        w(3, 'a', '资金不足'),
      ],
      [{ field: 'measures', text: '加大投入', items: [1, 2, 3], departments: ['a'] }],
    ],
    [
      'blank and missing texts are not boilerplate',
      [w(1, 'a', null), w(2, 'b', '  '), w(3, 'c', '。'), w(4, 'd', null)],
      [],
    ],
    ['different words are not', [w(1, 'a', '资金不足'), w(2, 'b', '用地未落实'), w(3, 'c', '审批滞后')], []],
  ])('%s', (_label, texts, expected) => {
    expect(findBoilerplate(texts)).toEqual(expected);
  });

  it('takes its counts from the rule', () => {
    const texts = [w(1, 'a', '加强统筹'), w(2, 'a', '加强统筹')];
    expect(findBoilerplate(texts, { minItems: 2, minDepartments: 2 })).toHaveLength(1);
    expect(findBoilerplate([w(1, 'a', '加强统筹'), w(2, 'b', '加强统筹')], { minItems: 3, minDepartments: 3 })).toEqual(
      [],
    );
  });
});
