import { workCounts, type StateCount, type WorkRole } from './work-counts';

const counts: StateCount[] = [
  { department: 'city-education', status: 'assigned', items: 3 },
  { department: 'city-education', status: 'draft', items: 1 },
  { department: 'city-education', status: 'returned', items: 2 },
  { department: 'city-education', status: 'submitted', items: 4 },
  { department: 'city-education', status: 'approved', items: 5 },
  { department: 'city-education', status: 'accepted', items: 1 },
  { department: 'city-health', status: 'assigned', items: 7 },
  { department: 'city-health', status: 'approved', items: 2 },
];

describe('workCounts: 待办 and 已办 by role', () => {
  it.each<[WorkRole, string | null, number, number]>([
    // To fill in or correct: assigned 3 + draft 1 + returned 2; moved on: submitted 4 + approved 5 + accepted 1.
    ['submitter', 'city-education', 6, 10],
    // To review: submitted 4; reviewed: returned 2 + approved 5 + accepted 1.
    ['supervisor', 'city-education', 4, 8],
    ['submitter', 'city-health', 7, 2],
    ['supervisor', 'city-health', 0, 2],
    // Every department: not yet approved 3+1+2+4+7, approved 5+1+2.
    ['admin', null, 17, 8],
    ['viewer', null, 17, 8],
    ['submitter', 'city-finance', 0, 0],
  ])('%s of %s: %i to do, %i done', (role, department, toDo, done) => {
    expect(workCounts(role, department, counts)).toEqual({ toDo, done });
  });
});
