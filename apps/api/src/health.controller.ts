import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Response } from 'express';
import { Public } from './auth/auth.decorators';
import { DatabaseProbe } from '@libs/persistence/repositories/database-probe';
import { LivenessView, ReadinessView } from './health-view';
import { TEMPORAL_CLIENT } from './tokens';

/** Liveness, and readiness that checks what the API cannot work without. */
@ApiTags('health 健康检查')
@Controller()
export class HealthController {
  constructor(
    @Inject(DatabaseProbe) private readonly database: DatabaseProbe,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Get('health')
  @Public()
  @ApiOkResponse({ type: LivenessView })
  health(): LivenessView {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadinessView })
  @ApiServiceUnavailableResponse({ type: ReadinessView })
  async ready(@Res() res: Response): Promise<void> {
    const check = async (probe: () => Promise<unknown>) =>
      probe().then(
        () => 'ok' as const,
        (e: Error) => e.message,
      );
    const postgres = await check(() => this.database.ping());
    const temporal = await check(() => this.temporal.workflowService.getSystemInfo({}));
    const ready = postgres === 'ok' && temporal === 'ok';
    res
      .status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: ready ? 'ready' : 'not_ready', postgres, temporal } satisfies ReadinessView);
  }
}
