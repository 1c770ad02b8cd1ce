/**
 * The Word document's typography, after the conventions of official documents
 * (GB/T 9704): the title in 方正小标宋简体, first-level headings in 黑体,
 * second-level in 楷体, body in 仿宋; each font names an ASCII face and the
 * east-Asian hint, so a machine without the official fonts still shows Chinese.
 */
export const FONTS = {
  title: { ascii: 'Times New Roman', eastAsia: '方正小标宋简体', hint: 'eastAsia' as const },
  heading: { ascii: 'Times New Roman', eastAsia: '黑体', hint: 'eastAsia' as const },
  section: { ascii: 'Times New Roman', eastAsia: '楷体_GB2312', hint: 'eastAsia' as const },
  body: { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hint: 'eastAsia' as const },
};
export type Font = (typeof FONTS)[keyof typeof FONTS];

/** Half-points: 二号 22 pt for the title, 三号 16 pt for headings and body text, 10.5 pt in tables. */
export const SIZE = { title: 44, heading: 32, body: 32, table: 21, footer: 21 };

/** A4 with 28 mm and 26 mm side margins (GB/T 9704): the width tables share, in twentieths of a point. */
export const TEXT_WIDTH = 8844;
