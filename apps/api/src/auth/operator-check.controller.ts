/**
 * What the proxy asks before it passes a request on to the Temporal UI
 * (nginx `auth_request`, deploy/proxy/nginx.conf): 204 for a signed-in bureau
 * administrator's operator cookie (or Bearer token), 401 without a standing
 * session, 403 for anyone else. It reads and changes nothing, so it answers
 * GET. The proxy's question, not the portal's: left out of the API description
 * (and so of the portal's generated types).
 */
import { Controller, Get, Header, HttpCode } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Requires } from './auth.decorators';
import { AcceptsOperatorCookie } from './operator-cookie';

@ApiExcludeController()
@Controller('auth')
export class OperatorCheckController {
  @Get('operator-check')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  @AcceptsOperatorCookie()
  @Requires('payloads:decode')
  check(): void {
    // The guard has answered: a standing session allowed to read decrypted histories.
  }
}
