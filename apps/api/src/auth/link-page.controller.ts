/**
 * The page an email link opens (outside /api): the item it is for and what
 * to do, or, for a used, expired or altered link, a page saying so and what
 * to do instead. Never a stack trace. Where the web portal is built, a good
 * link goes on to it at once (/link#<token>): the portal exchanges the token
 * for the item's session (POST /api/auth/link, audited) and opens the item.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { escapeHtml } from '@libs/common/escape-html';
import { ITEM_STATUS_LABELS, type ItemStatus } from '@libs/cycle/department-state';
import { PORTAL_DIR } from '../portal-static';
import { portalPolicy } from '../security-headers';
import { Public } from './auth.decorators';
import { LinkService } from './link.service';

const PURPOSE = {
  submit: { zh: '填报', en: 'fill in and submit' },
  review: { zh: '审核', en: 'review' },
  contribute: { zh: '提供配合意见', en: 'contribute to' },
  comment: { zh: '对评估报告（征求意见稿）提出意见', en: 'comment on the report (draft for comments) about' },
};

/** Every link page offers the way in that needs no link: signing in to the portal, when it is built. */
const signIn = () =>
  existsSync(join(PORTAL_DIR, 'index.html'))
    ? `<p><a id="sign-in" href="/login">登录系统 <span class="en">Sign in</span></a></p>`
    : '';

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:640px;margin:3em auto;padding:0 1em;color:#222;line-height:1.6}.en{color:#666}</style>
</head><body>${body}${signIn()}</body></html>`;

/** The page's one script, the same on every page: allowed by its hash in the page's Content-Security-Policy. */
const FORWARD = `location.replace(document.getElementById('open-portal').href)`;
const POLICY = portalPolicy([FORWARD]);

/** On to the portal, when it is built: a link for the reader and an immediate forward. */
function portal(token: string): string {
  if (!existsSync(join(PORTAL_DIR, 'index.html'))) return '';
  const href = `/link#${encodeURIComponent(token)}`;
  return `<p><a id="open-portal" href="${escapeHtml(href)}">进入系统办理 <span class="en">Open it in the portal</span></a></p>
<script>${FORWARD}</script>`;
}

@ApiExcludeController()
@Controller('l')
export class LinkPageController {
  constructor(@Inject(LinkService) private readonly links: LinkService) {}

  @Get(':token')
  @Public()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', POLICY)
  async open(@Req() req: Request, @Res() res: Response): Promise<void> {
    // Read as it came, past the request pipes: whatever a link holds, the answer is this page, never the API's JSON.
    const token = String(req.params.token);
    const opened = await this.links.open(token);
    if (!opened.ok) {
      res
        .status(opened.status)
        .type('html')
        .send(
          page(
            '链接无法使用 Link cannot be used',
            `<h1>链接无法使用</h1><p>${escapeHtml(opened.problem.zh)}</p><p class="en">${escapeHtml(opened.problem.en)}</p>`,
          ),
        );
      return;
    }
    const { item, principal, departmentName, cycle } = opened;
    const purpose = PURPOSE[principal.scope!.purpose];
    const status = ITEM_STATUS_LABELS[item.status as ItemStatus];
    const deadline = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(cycle.deadline);
    res
      .status(200)
      .type('html')
      .send(
        page(
          `${item.title}`,
          `<h1>${escapeHtml(item.title)}</h1>
<p>${escapeHtml(principal.name)}（${escapeHtml(principal.email)}），您好：您已通过邮件链接进入，可为${escapeHtml(departmentName)}${purpose.zh}此事项。截止时间：${escapeHtml(deadline)}。当前状态：${escapeHtml(status?.zh ?? item.status)}。</p>
<p class="en">You have entered through your email link and may ${purpose.en} this item for ${escapeHtml(departmentName)}. Deadline: ${escapeHtml(deadline)}. Status: ${escapeHtml(status?.en ?? item.status)}.</p>
<div id="plan-eval-item" data-cycle="${escapeHtml(item.cycleId)}" data-item="${escapeHtml(item.itemKey)}" data-purpose="${escapeHtml(principal.scope!.purpose)}"></div>${portal(token)}`,
        ),
      );
  }
}
