import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readPlanFromDatabase } from '@libs/catalog/catalog-read';
import { exportPlan } from '@libs/catalog/plan-export';

/** The plan catalog as the portal and other tools read it. */
@Controller('plans')
export class CatalogController {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  @Get(':code/indicators')
  async indicators(@Param('code') code: string, @Query('department') department?: string, @Query('category') category?: string) {
    const plan = await readPlanFromDatabase(this.ds, code);
    const dept = department ? (plan.directory.unit(department)?.name ?? department) : undefined;
    const items = exportPlan(plan).indicators.filter(
      (i) => (!dept || i.leadDepartment === dept || i.coDepartments.includes(dept)) && (!category || i.category === category),
    );
    return { total: items.length, items };
  }
}
