import { isPermanentFailure, type SmtpFailure } from './mailer';

describe('isPermanentFailure', () => {
  it.each<[string, SmtpFailure, boolean]>([
    [
      'a refused mailbox (550 on RCPT TO)',
      { message: '550 mailbox unavailable', responseCode: 550, code: 'EENVELOPE' },
      true,
    ],
    ['a message refused after DATA (554)', { message: '554 rejected', responseCode: 554, code: 'EMESSAGE' }, true],
    [
      'a server shutting down (421 on MAIL FROM, which nodemailer calls EENVELOPE)',
      { message: 'Mail command failed: 421 Server shutting down', responseCode: 421, code: 'EENVELOPE' },
      false,
    ],
    ['greylisting (451)', { message: '451 try again later', responseCode: 451, code: 'EENVELOPE' }, false],
    [
      'a mailbox full for now (452)',
      { message: '452 insufficient storage', responseCode: 452, code: 'EMESSAGE' },
      false,
    ],
    ['no server listening', { message: 'connect ECONNREFUSED 127.0.0.1:2525', code: 'ESOCKET' }, false],
    ['a connection that timed out', { message: 'Connection timeout', code: 'ETIMEDOUT' }, false],
    [
      'an envelope nodemailer refuses itself (no recipient)',
      { message: 'No recipients defined', code: 'EENVELOPE' },
      true,
    ],
    [
      'a server that answers STARTTLS with a 5xx, TLS being required',
      {
        message: 'Error upgrading connection with STARTTLS: 500 Error: command not recognized',
        responseCode: 500,
        code: 'ETLS',
      },
      false,
    ],
  ])('%s', (_what, failure, permanent) => expect(isPermanentFailure(failure)).toBe(permanent));
});
