/**
 * The codec server of Temporal's protocol (`POST …/decode`, `POST …/encode`):
 * the Temporal UI and `temporal workflow show --codec-endpoint` send it the
 * encrypted payloads of a history and show what it answers. It is the API's
 * own session and permission check in front of the installation's codec, so
 * only a signed-in bureau administrator reads decrypted histories, and every
 * decode is in the audit trail. Serve the Temporal UI from the same origin
 * (the reverse proxy) so the browser sends the operator's cookie
 * (auth/operator-cookie.ts) with no CORS opening.
 */
import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { ArrayMaxSize, IsArray, IsBase64, IsObject, IsOptional } from 'class-validator';
import { PayloadDecryptionError } from '@libs/temporal/payload-encryption';
import { AuditService } from './audit/audit.service';
import { Requires, type AuthenticatedRequest } from './auth/auth.decorators';
import { AcceptsOperatorCookie } from './auth/operator-cookie';
import { ApiProblem, notFound } from './common/problem.filter';
import { TEMPORAL_CLIENT } from './tokens';

/** A payload as the protocol's JSON carries it: each metadata value and the data in base64. */
class JsonPayload {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', format: 'byte' } })
  @IsObject()
  metadata: Record<string, string>;

  @ApiProperty({ format: 'byte', required: false })
  @IsOptional()
  @IsBase64()
  data?: string;
}

class PayloadsBody {
  @ApiProperty({ type: [JsonPayload] })
  @IsArray()
  @ArrayMaxSize(1000)
  payloads: JsonPayload[];
}

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(String(v), 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

@ApiTags('operations 运维')
@ApiBearerAuth()
// The Temporal UI behind the proxy sends the operator's cookie, not a Bearer token.
@AcceptsOperatorCookie()
@Controller('temporal-codec')
export class PayloadCodecController {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Post('decode')
  @HttpCode(200)
  @Requires('payloads:decode')
  @ApiOperation({ summary: '解密工作流历史中的数据（Temporal 编解码服务） / Decrypt history payloads (codec server)' })
  @ApiOkResponse({ type: PayloadsBody })
  async decode(@Body() body: PayloadsBody, @Req() req: AuthenticatedRequest): Promise<PayloadsBody> {
    const decoded = await this.run('decode', body);
    await this.audit.record(req, {
      action: 'temporal.payloads.decode',
      entityType: 'temporal_namespace',
      entityId: String(req.headers['x-namespace'] ?? this.temporal.options.namespace),
      after: { payloads: body.payloads.length },
    });
    return decoded;
  }

  @Post('encode')
  @HttpCode(200)
  @Requires('payloads:decode')
  @ApiOperation({
    summary: '加密操作人员输入的数据（Temporal 编解码服务） / Encrypt an operator’s input (codec server)',
  })
  @ApiOkResponse({ type: PayloadsBody })
  encode(@Body() body: PayloadsBody): Promise<PayloadsBody> {
    return this.run('encode', body);
  }

  private async run(direction: 'encode' | 'decode', body: PayloadsBody): Promise<PayloadsBody> {
    const [codec] = this.temporal.options.loadedDataConverter.payloadCodecs;
    if (!codec)
      throw notFound(
        '本系统未启用工作流数据加密（未设置 TEMPORAL_PAYLOAD_KEYS_FILE），历史数据无需解密',
        'payload encryption is off here (TEMPORAL_PAYLOAD_KEYS_FILE is unset): histories are readable as they are',
      );
    try {
      const payloads = await codec[direction](body.payloads.map(fromJson));
      return { payloads: payloads.map(toJson) };
    } catch (e) {
      if (!(e instanceof PayloadDecryptionError)) throw e;
      throw new ApiProblem(422, 'undecryptable_payload', [
        { zh: '无法解密：加密所用的密钥不在密钥文件中，或数据已损坏', en: `cannot decrypt: ${e.message}` },
      ]);
    }
  }
}
