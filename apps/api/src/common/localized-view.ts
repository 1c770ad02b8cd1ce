/** A text in both languages (libs/plan/localized), zh-CN first, as answers carry names and messages. */
import { ApiProperty } from '@nestjs/swagger';
import type { Localized } from '@libs/plan/localized';

export class LocalizedView implements Localized {
  @ApiProperty({ example: '市教育局' })
  zh: string;

  @ApiProperty({ example: 'Municipal Education Bureau' })
  en: string;
}

/** A department by its code, with its names. */
export class DepartmentNameView extends LocalizedView {
  @ApiProperty({ example: 'city-education' })
  code: string;
}
