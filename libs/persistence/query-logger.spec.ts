import { createJsonLogger } from '../observability/logger';
import { QueryErrorLogger } from './query-logger';

describe('QueryErrorLogger: a failed query is logged without its parameters', () => {
  const lines: string[] = [];
  const logger = new QueryErrorLogger(createJsonLogger('debug', (line) => lines.push(line)));
  beforeEach(() => (lines.length = 0));

  it('logs the statement, the code and the error, never the parameters', () => {
    const link = 'http://portal.test/l/eyJhbGciOiJIUzI1NiJ9.secret.sig';
    const error = Object.assign(new Error('inconsistent types deduced for parameter $1'), { code: '42P08' });
    logger.logQueryError(error, 'INSERT INTO notice\n  (cycle_id, message) VALUES ($1, $2)', [
      'cycle/x',
      { text: link },
    ]);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'error',
      msg: 'query failed',
      code: '42P08',
      error: 'inconsistent types deduced for parameter $1',
      query: 'INSERT INTO notice (cycle_id, message) VALUES ($1, $2)',
    });
    expect(lines[0]).not.toContain('secret');
  });

  it('shortens a long statement', () => {
    logger.logQueryError('boom', `SELECT ${'x, '.repeat(500)}1`);
    expect(JSON.parse(lines[0]).query).toHaveLength(300);
  });

  it('logs nothing for successful queries', () => {
    logger.logQuery();
    expect(lines).toEqual([]);
  });
});
