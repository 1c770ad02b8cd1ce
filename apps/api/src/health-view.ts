/** The health answers, described for the OpenAPI document (probes and operators read them). */
import { ApiProperty } from '@nestjs/swagger';

export class LivenessView {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

export class ReadinessView {
  @ApiProperty({ enum: ['ready', 'not_ready'], description: 'ready: 200; not_ready: 503 with the same body' })
  status: 'ready' | 'not_ready';

  @ApiProperty({ description: 'ok, or why PostgreSQL did not answer' })
  postgres: string;

  @ApiProperty({ description: 'ok, or why Temporal did not answer' })
  temporal: string;
}
