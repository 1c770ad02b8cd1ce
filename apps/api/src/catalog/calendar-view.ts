/** The evaluation calendar as the API answers it: each kind's Temporal Schedule, described for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';
import { CYCLE_KINDS, type CycleKind } from '@libs/cycle/cycle-definition';
import type {
  CalendarChange,
  CalendarLaunch,
  CalendarSchedule,
  CalendarScheduleState,
} from '@libs/temporal/calendar-client';

export const CALENDAR_SCHEDULE_STATES = ['absent', 'active', 'paused'] as const satisfies CalendarScheduleState[];
export const CALENDAR_CHANGES = ['created', 'updated', 'unchanged'] as const satisfies CalendarChange[];

export class CalendarLaunchView implements CalendarLaunch {
  @ApiProperty({ type: String, format: 'date-time' })
  scheduledAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  takenAt: Date;

  @ApiProperty({ description: 'the scheduledCycleLaunch run the schedule started' })
  launchWorkflowId: string;

  @ApiProperty({
    example: 'cycle/heyuan-public-services-2021-2025/annual/2023',
    description: 'the cycle the launch stands for (started unless it had already run)',
  })
  cycleId: string;
}

export class CalendarScheduleView implements CalendarSchedule {
  @ApiProperty({ enum: CYCLE_KINDS })
  kind: CycleKind;

  @ApiProperty({ example: 'calendar/heyuan-public-services-2021-2025/annual' })
  scheduleId: string;

  @ApiProperty({ enum: CALENDAR_SCHEDULE_STATES, description: 'absent: not created yet' })
  state: CalendarScheduleState;

  @ApiProperty({ type: String, nullable: true, description: 'the reason given when it was last paused or resumed' })
  note: string | null;

  @ApiProperty({ type: [String], format: 'date-time', description: 'the next launches Temporal has planned' })
  nextLaunches: Date[];

  @ApiProperty({ type: [CalendarLaunchView], description: 'the latest launches, oldest first' })
  recentLaunches: CalendarLaunchView[];
}

export class CalendarView {
  @ApiProperty({ example: 'heyuan-public-services-2021-2025' })
  plan: string;

  @ApiProperty({ type: [CalendarScheduleView], description: 'annual, mid-term and final, in that order' })
  schedules: CalendarScheduleView[];
}

export class CalendarChangesView {
  @ApiProperty({ enum: CALENDAR_CHANGES })
  annual: CalendarChange;

  @ApiProperty({ enum: CALENDAR_CHANGES })
  midterm: CalendarChange;

  @ApiProperty({ enum: CALENDAR_CHANGES })
  final: CalendarChange;
}

export class CalendarEnsuredView extends CalendarView {
  @ApiProperty({ type: CalendarChangesView })
  changes: CalendarChangesView;
}
