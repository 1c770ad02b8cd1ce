/**
 * Generated from the API's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with `node bin/ts-run.js scripts/openapi-types.ts` after changing a DTO
 * (test/api/openapi-types.spec.ts fails while this file is stale).
 */
export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 登录 Sign in with email and password; returns a session token with its expiry
     * @description Throttled: after 5 attempts at one account, or 20 from one address, within 15 minutes, 429 with Retry-After (seconds), the right password included. Every refusal is audited (sign_in_failed).
     */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 邮件链接登录 Exchange an email link for a session limited to its item and purpose */
    post: operations['AuthController_link'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 退出登录 Sign out: every session of the account ends (a link session ends alone) */
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 当前用户 Who the session belongs to */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * 忘记密码 Mail a link to set a new password; the same answer whether or not the email has an account
     * @description Throttled like sign-in, on counters of its own: 5 requests for one email or 20 from one address in 15 minutes, then 429 with Retry-After.
     */
    post: operations['PasswordResetController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password-reset/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 设置新密码 Set a new password with a mailed link: once, within 30 minutes */
    post: operations['PasswordResetController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 规划列表 Plans in the catalog */
    get: operations['PlansController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/indicators': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 主要指标 The plan’s indicators, by department and category */
    get: operations['PlansController_indicators'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/targets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 主要目标 The plan’s main targets (附件2), with their indicators and departments */
    get: operations['PlansController_targets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 主要任务 The plan’s main tasks (附件2), with their details and departments */
    get: operations['PlansController_tasks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 重大项目 The plan’s major projects, planned (附件3) and reserve (附件4): content, investment, land, owner and departments */
    get: operations['PlansController_projects'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出规划 The plan as a JSON file or an Excel workbook (the import template) */
    get: operations['PlansController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/service-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 基本公共服务项目 The basic public service items (专栏2), each with the department assigned to report it (null: none yet) */
    get: operations['PlansController_serviceItems'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/service-items/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** 指定基本公共服务项目责任单位 Assign the departments that report basic service items, all or none (audited; a launch refuses items left unassigned) */
    put: operations['PlansController_assignServiceItems'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 导入规划 Import a plan file; all or nothing, with rows added/changed/unchanged. A refused file names sheet, row and column (413 larger than 10 MB) */
    post: operations['PlansController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 评估日历 The plan’s evaluation calendar: each schedule’s state (absent, active, paused), next launches and recent launches with the cycle each stood for (404 an unknown plan) */
    get: operations['CalendarController_show'];
    put?: never;
    /** 创建评估日历 Create the calendar from the plan’s period, or update a schedule that differs from it; the same request again changes nothing (audited) */
    post: operations['CalendarController_ensure'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/calendar/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 暂停评估日历 Pause the calendar’s launches, all kinds or one, with a reason (audited) */
    post: operations['CalendarController_pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/calendar/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 恢复评估日历 Resume the calendar’s launches, all kinds or one, with a reason (audited) */
    post: operations['CalendarController_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/translations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 英文译文 The plan’s texts with their English, in the plan’s order */
    get: operations['TranslationsController_list'];
    /** 修改英文译文 Set the English of one text (audited before and after); blank or Chinese text refused (422), an unknown item 404 */
    put: operations['TranslationsController_edit'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 部门名录 The directory, with contacts and group members */
    get: operations['DepartmentsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/departments/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 部门 One department with its contacts and, for a group, its members */
    get: operations['DepartmentsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/departments/{code}/contacts/{role}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** 修改联系人 Set a department’s submitter or supervisor (audited; imports never overwrite it) */
    put: operations['DepartmentsController_setContact'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/departments/{code}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** 指定部门组成员 Resolve a group (相关行业主管部门) to its departments once, instead of at every launch (audited) */
    put: operations['DepartmentsController_setMembers'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/delegations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 委托 Delegations, newest first */
    get: operations['DepartmentsController_delegations'];
    put?: never;
    /**
     * 新建委托 Let someone act as a department’s submitter or supervisor for a period
     * @description Never to the holder of the role or of the department’s other role (422); to an address neither in the directory nor an active account, only by the bureau (403).
     */
    post: operations['DepartmentsController_delegate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 用户列表 User accounts */
    get: operations['UsersController_list'];
    put?: never;
    /** 新建用户 Create an account (409 when the email exists) */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 修改用户 Change role, department, name, password, language or active */
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/api/cycles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 评估轮次列表 Cycles, newest first */
    get: operations['CyclesController_list'];
    put?: never;
    /** 发起评估 Launch a cycle (400 bad request, 409 already launched, 422 the plan is not ready) */
    post: operations['CyclesController_launch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 发起预览 What a launch would do, for the bureau to confirm: items by kind, each department with what it leads and co-operates on, the mails it sends; refused exactly as the launch would be (400, 422), nothing written */
    post: operations['CyclesController_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 评估轮次状态 A cycle and its items counted by department and state */
    get: operations['CyclesController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 实时状态 Live state from the running workflows: counts, departments, overdue items */
    get: operations['CyclesController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/extend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 延期 Move the deadline, for all departments or one */
    post: operations['CyclesController_extend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/remind': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 立即催办 Remind now, all departments or one: answers who is reminded (the submitter, or the delegate in force), of how many items, and by when the mail leaves (400 a department the cycle does not have) */
    post: operations['CyclesController_remind'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 重新打开 Send approved items back to their submitters, with the reason; a closed cycle runs again for them and its report gets a new version */
    post: operations['CyclesController_reopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 取消 Cancel the cycle; every department is told why */
    post: operations['CyclesController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/notices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 通知记录 Notices sent, pending, undeliverable and dropped (filter status=undeliverable): recipient, event, items (and those left out as moved on), status and times, never the message (its links act for the department) */
    get: operations['CyclesController_notices'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/notices/{noticeId}/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 重新发送通知 Send a notice again, to whoever holds the role now, with fresh links, for those of its items still waiting (404 no such notice, 409 the cycle is closed or nothing is waiting) */
    post: operations['CyclesController_resend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/problems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 运行异常 Steps of the cycle stopped after their retries ran out, each waiting for the bureau’s retry (404 an unknown cycle) */
    get: operations['CycleProblemsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/problems/{problemId}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 重试 Run the stopped step again, once its cause is removed (audited; 404 an unknown problem, 409 one already retried) */
    post: operations['CycleProblemsController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 事项列表（部门收件箱） Items of the cycle: a department sees those it leads (role=lead, default) or co-operates on (role=cooperate, with whether it contributed) */
    get: operations['ItemsController_inbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/items/{itemKey}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 事项详情 An item: what it asks for, its state, its submitted versions and evidence */
    get: operations['ItemsController_item'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/items/{itemKey}/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** 保存草稿 Save a draft (not checked, not sent for review) */
    put: operations['ItemsController_saveDraft'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/items/{itemKey}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 提交审核 Submit for the supervisor’s review; checked first (422 names each problem) */
    post: operations['ItemsController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/items/{itemKey}/contributions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 配合单位提供情况 A co-operating department’s contribution to an item */
    post: operations['ItemsController_contribute'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/items/{itemKey}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 审核 Approve, or reject with a reason (the bureau’s review of an approved item is its acceptance) */
    post: operations['ItemsController_review'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/reviews/bulk-approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 批量审核通过 Approve several submitted items of one department at once */
    post: operations['ItemsController_bulkApprove'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/items/{itemKey}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 事项全部历史 Every event, version and audited change of an item, oldest first */
    get: operations['ItemsController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 待审核（含研判） Submissions waiting for review, each judged against the expected path (status, 约束性, change from the last approved value, reasons and measures, evidence count); binding indicators behind first */
    get: operations['ItemContextController_reviews'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/items/{itemKey}/context': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 事项背景 A task’s text from the plan and whether each co-operating department has contributed; a project’s 建设内容, total and plan-period investment and its previous approved report */
    get: operations['ItemContextController_itemContext'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/items/{itemKey}/evidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 上传佐证材料 Attach an evidence file while the item is with its submitter (409 submitted, approved or the cycle closed; 413 too large, 415 wrong or mislabelled type) */
    post: operations['EvidenceController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/items/{itemKey}/evidence/{fileId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 下载佐证材料 Download an evidence file */
    get: operations['EvidenceController_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 报告版本 Every compiled version (a reopen adds one and keeps the old) */
    get: operations['ReportsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/reports/{version}/{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 下载报告 Download one version in one format */
    get: operations['ReportsController_file'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/assessment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 部门考核 The departments’ assessment of the latest report: ranked, with components and weights */
    get: operations['AssessmentController_assessment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/assessment.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出部门考核 The departments’ assessment as an Excel workbook (lang=en for English) */
    get: operations['AssessmentController_workbook'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/report/text': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 报告文字 The drafted sections of the latest version, each with its latest edit and versions */
    get: operations['ReportTextController_text'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/report/text/{section}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 修改记录 One section’s versions: the drafted text (0), then every save with who and when */
    get: operations['ReportTextController_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/report/text/{section}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** 修改报告文字 Save a section’s text as a new version, over the version named (a later one answers 409); the next compile writes it in place of the drafted text */
    put: operations['ReportTextController_save'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 征求意见状态 The review: stage, deadline, departments answered or not, comments with the bureau’s answers (a department sees its own) */
    get: operations['ReviewController_state'];
    put?: never;
    /** 发起征求意见 Send a closed cycle’s report out for comments: each lead department gets its part by email; a repeat while it runs changes nothing (409 cycle not closed or review finished) */
    post: operations['ReviewController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/review/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 提出意见 A comment on one item or one section: a lead department on its part (signed in or by its email link), the third-party evaluator as an assessment */
    post: operations['ReviewController_comment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/review/no-comment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 无意见 A lead department has no comment on its part */
    post: operations['ReviewController_noComment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/review/comments/{commentId}/answer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 答复意见 The bureau accepts a comment, or does not with a reason */
    post: operations['ReviewController_answer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/review/disputes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 提出异议 A lead department disputes one of its items’ figures and asks for it to be reopened */
    post: operations['ReviewController_dispute'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/review/disputes/{disputeId}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 处理异议 The bureau grants a dispute (the item is reopened, the cycle reruns for it and the report is recompiled) or refuses it with a reason */
    post: operations['ReviewController_decideDispute'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/review/finalise': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 定稿 The bureau finalises: the final version is compiled with the hashes of its figures and text, read-only from then on; it waits for the approver when the review asks for approval */
    post: operations['ReviewController_finalise'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/review/approval': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 审批 The approver approves the final version (it is mailed to every department) or returns it to the bureau with a reason */
    post: operations['ReviewController_approval'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/items/{itemKey}/guide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 填报参考 What to show beside the input: unit, base year, target, last year’s value, expected value, warnings on the latest submission */
    get: operations['PortalController_guide'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 进度总览 The dashboard, from the records and the clock: items by department and by category and state, each department’s timeliness, the overdue items (a closed cycle’s: those never submitted or left returned) */
    get: operations['PortalController_overview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{cycleId}/overdue/xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出逾期事项 The overdue list as an Excel workbook (lang=en for English headings) */
    get: operations['PortalController_overdueWorkbook'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 审计日志 The audit trail, newest first */
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/temporal-codec/decode': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 解密工作流历史中的数据（Temporal 编解码服务） / Decrypt history payloads (codec server) */
    post: operations['PayloadCodecController_decode'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/temporal-codec/encode': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 加密操作人员输入的数据（Temporal 编解码服务） / Encrypt an operator’s input (codec server) */
    post: operations['PayloadCodecController_encode'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 规划调整 A plan’s target adjustments, newest first, with their states */
    get: operations['AdjustmentsController_list'];
    put?: never;
    /** 提出调整 The bureau proposes adjusting a target from a cycle’s report; the lead department’s supervisor is mailed */
    post: operations['AdjustmentsController_propose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/adjustments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 一项调整 One adjustment with every decision: who, when, comment */
    get: operations['AdjustmentsController_one'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/adjustments/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 审批 The lead department’s supervisor, then the approver, approves or returns (with a comment) the adjustment */
    post: operations['AdjustmentsController_decide'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{code}/adjustments/{id}/revise': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 修改后重新提交 The bureau revises a returned adjustment and resubmits it to the lead department */
    post: operations['AdjustmentsController_revise'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    LivenessView: {
      /** @enum {string} */
      status: 'ok';
    };
    ReadinessView: {
      /**
       * @description ready: 200; not_ready: 503 with the same body
       * @enum {string}
       */
      status: 'ready' | 'not_ready';
      /** @description ok, or why PostgreSQL did not answer */
      postgres: string;
      /** @description ok, or why Temporal did not answer */
      temporal: string;
    };
    LoginBody: {
      /** @example bureau@heyuan.example */
      email: string;
      password: string;
    };
    LinkScopeView: {
      /** @enum {string} */
      purpose: 'submit' | 'review' | 'contribute';
      cycleId: string;
      /** @description department code */
      department: string;
      /** @example indicator-5 */
      itemKey: string;
    };
    PrincipalView: {
      /** @description the account’s ID, or the email address of someone who entered through a link */
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'submitter' | 'supervisor' | 'viewer' | 'approver';
      /** @description department code for submitters and supervisors */
      department: string | null;
      /** @description only for a session opened from an email link */
      scope?: components['schemas']['LinkScopeView'];
    };
    SessionView: {
      /** @description the bearer token (Authorization: Bearer …) */
      token: string;
      /** Format: date-time */
      expiresAt: string;
      user: components['schemas']['PrincipalView'];
    };
    LinkBody: {
      /** @description the token from an email link (/l/<token>) */
      token: string;
    };
    LinkedItemView: {
      cycleId: string;
      /** @example indicator-5 */
      itemKey: string;
      title: string;
      /** @enum {string} */
      status: 'assigned' | 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted';
    };
    LinkSessionView: {
      /** @description the bearer token (Authorization: Bearer …) */
      token: string;
      /** Format: date-time */
      expiresAt: string;
      user: components['schemas']['PrincipalView'];
      item: components['schemas']['LinkedItemView'];
    };
    PasswordResetRequestBody: {
      /** @example submitter@city-education.heyuan.example */
      email: string;
    };
    MessageView: {
      message: string;
      messageEn: string;
    };
    PasswordResetBody: {
      /** @description the token from the mailed link (/reset-password#<token>) */
      token: string;
      /** @description the new password, under the same rules as any password */
      password: string;
    };
    PlanView: {
      /** @example heyuan-public-services-2021-2025 */
      code: string;
      /** @example 河源市公共服务“十四五”规划 */
      name: string;
      /** @example Heyuan Public Services Plan for the 14th Five-Year Period */
      nameEn: string;
      /** @example 2020 */
      baselineYear: number;
      /** @example 2021 */
      startYear: number;
      /** @example 2025 */
      endYear: number;
      /** Format: date-time */
      updatedAt: string;
    };
    PlanPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['PlanView'][];
    };
    IndicatorView: {
      /** @example 市教育局 */
      leadDepartment: string;
      /**
       * @example [
       *       "市人力资源社会保障局"
       *     ]
       */
      coDepartments: string[];
      /**
       * @description the indicator’s number in 专栏1
       * @example 3
       */
      no: number;
      /** @example 幼有所育 */
      category: string;
      /** @example 每千人口拥有3岁以下婴幼儿托位数 */
      name: string;
      nameEn?: string;
      /** @example 个 */
      unit: string;
      unitEn?: string;
      /**
       * @description the base year’s figure as printed
       * @example 1.5
       */
      baseline: string;
      baselineEn?: string;
      /**
       * @description the target as printed
       * @example 4.5
       */
      target: string;
      targetEn?: string;
      /**
       * @description binding 约束性, expected 预期性
       * @enum {string}
       */
      attribute: 'binding' | 'expected';
      /** @enum {string} */
      polarity: 'higher_is_better' | 'lower_is_better' | 'projection';
      /**
       * @description the departments as the plan prints them
       * @example 市教育局、市人力资源社会保障局
       */
      departments: string;
    };
    IndicatorPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['IndicatorView'][];
    };
    TargetView: {
      /** @example 市教育局 */
      leadDepartment: string;
      /**
       * @example [
       *       "市人力资源社会保障局"
       *     ]
       */
      coDepartments: string[];
      /** @example 1 */
      no: number;
      text: string;
      textEn?: string;
      /** @description the indicators (专栏1 numbers) that measure the target */
      indicators: number[];
      /**
       * @description the departments as the plan prints them
       * @example 市教育局、市人力资源社会保障局
       */
      departments: string;
    };
    TargetPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['TargetView'][];
    };
    TaskView: {
      /** @example 市教育局 */
      leadDepartment: string;
      /**
       * @example [
       *       "市人力资源社会保障局"
       *     ]
       */
      coDepartments: string[];
      /** @example 1 */
      no: number;
      title: string;
      titleEn?: string;
      details: string;
      detailsEn?: string;
      /**
       * @description the departments as the plan prints them
       * @example 市教育局、市人力资源社会保障局
       */
      departments: string;
    };
    TaskPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['TaskView'][];
    };
    ProjectView: {
      /** @example 市教育局 */
      leadDepartment: string;
      /**
       * @example [
       *       "市人力资源社会保障局"
       *     ]
       */
      coDepartments: string[];
      /** @example 1 */
      no: number;
      /**
       * @description planned (附件3) or reserve (附件4)
       * @enum {string}
       */
      status: 'planned' | 'reserve';
      /** @description the group the plan lists it under */
      group: string;
      name: string;
      nameEn?: string;
      /** @description 建设内容 */
      content: string;
      /** @description 万元 */
      totalInvestment: number;
      /** @description 万元 within the plan period; null for reserve projects */
      planPeriodInvestment: number | null;
      /** @description 亩 */
      landMu: number | null;
      owner: string;
      /** @description the responsible unit as printed */
      responsibleUnit: string;
    };
    ProjectPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['ProjectView'][];
    };
    ServiceDepartmentView: {
      /** @example city-health */
      code: string;
      /** @example 市卫生健康局 */
      name: string;
      /** @example Municipal Health Commission */
      nameEn: string;
    };
    ServiceItemView: {
      /**
       * @description the item’s number in 专栏2
       * @example 5
       */
      no: number;
      area: string;
      goal: string;
      name: string;
      /** @description who reports it; null: none assigned yet */
      department: components['schemas']['ServiceDepartmentView'] | null;
    };
    ServiceItemsView: {
      items: components['schemas']['ServiceItemView'][];
    };
    ServiceAssignmentBody: {
      /**
       * @description the item’s number in 专栏2
       * @example 5
       */
      no: number;
      /**
       * @description the department by its code or name (as GET /api/departments lists them); null withdraws the assignment
       * @example city-health
       */
      department?: string | null;
    };
    ServiceAssignmentsBody: {
      assignments: components['schemas']['ServiceAssignmentBody'][];
    };
    PlanImportView: {
      /** @example heyuan-public-services-2021-2025 */
      plan: string;
      /**
       * @description table → rows added, changed and left alone
       * @example {
       *       "indicators": {
       *         "added": 45,
       *         "changed": 0,
       *         "unchanged": 0
       *       }
       *     }
       */
      report: {
        [key: string]: {
          added: number;
          changed: number;
          unchanged: number;
        };
      };
    };
    CalendarLaunchView: {
      /** Format: date-time */
      scheduledAt: string;
      /** Format: date-time */
      takenAt: string;
      /** @description the scheduledCycleLaunch run the schedule started */
      launchWorkflowId: string;
      /**
       * @description the cycle the launch stands for (started unless it had already run)
       * @example cycle/heyuan-public-services-2021-2025/annual/2023
       */
      cycleId: string;
    };
    CalendarScheduleView: {
      /** @enum {string} */
      kind: 'annual' | 'midterm' | 'final';
      /** @example calendar/heyuan-public-services-2021-2025/annual */
      scheduleId: string;
      /**
       * @description absent: not created yet
       * @enum {string}
       */
      state: 'absent' | 'active' | 'paused';
      /** @description the reason given when it was last paused or resumed */
      note: string | null;
      /** @description the next launches Temporal has planned */
      nextLaunches: string[];
      /** @description the latest launches, oldest first */
      recentLaunches: components['schemas']['CalendarLaunchView'][];
    };
    CalendarView: {
      /** @example heyuan-public-services-2021-2025 */
      plan: string;
      /** @description annual, mid-term and final, in that order */
      schedules: components['schemas']['CalendarScheduleView'][];
    };
    CalendarChangesView: {
      /** @enum {string} */
      annual: 'created' | 'updated' | 'unchanged';
      /** @enum {string} */
      midterm: 'created' | 'updated' | 'unchanged';
      /** @enum {string} */
      final: 'created' | 'updated' | 'unchanged';
    };
    CalendarEnsuredView: {
      /** @example heyuan-public-services-2021-2025 */
      plan: string;
      /** @description annual, mid-term and final, in that order */
      schedules: components['schemas']['CalendarScheduleView'][];
      changes: components['schemas']['CalendarChangesView'];
    };
    CalendarPauseBody: {
      /**
       * @description why: kept with the schedule and audited
       * @example 规划中期调整，暂缓评估
       */
      reason: string;
      /**
       * @description one kind only; all three when absent
       * @enum {string}
       */
      kind?: 'annual' | 'midterm' | 'final';
    };
    TranslationRowView: {
      /** @enum {string} */
      kind: 'indicator' | 'target' | 'task' | 'project' | 'reserve' | 'projectGroup' | 'serviceItem';
      /**
       * @description the item’s number; a project group is `planned-一`
       * @example 3
       */
      key: string;
      /** @enum {string} */
      field: 'name' | 'unit' | 'baseline' | 'target' | 'text' | 'title' | 'details' | 'area' | 'goal';
      /** @description the item’s own Chinese name, which messages quote */
      item: string;
      /** @description the Chinese text as printed */
      zh: string;
      /** @description its English; null: none yet */
      en: string | null;
      /** @description whether the text needs English (it holds Chinese characters) */
      needed: boolean;
    };
    TranslationPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['TranslationRowView'][];
    };
    TranslationBody: {
      /**
       * @example indicator
       * @enum {string}
       */
      kind: 'indicator' | 'target' | 'task' | 'project' | 'reserve' | 'projectGroup' | 'serviceItem';
      /**
       * @description the item’s number; a project group is `planned-一`
       * @example 3
       */
      key: string;
      /**
       * @example name
       * @enum {string}
       */
      field: 'name' | 'unit' | 'baseline' | 'target' | 'text' | 'title' | 'details' | 'area' | 'goal';
      /** @example Urbanization rate of the permanent resident population */
      text: string;
    };
    TranslationView: {
      /** @enum {string} */
      kind: 'indicator' | 'target' | 'task' | 'project' | 'reserve' | 'projectGroup' | 'serviceItem';
      /**
       * @description the item’s number; a project group is `planned-一`
       * @example 3
       */
      key: string;
      /** @enum {string} */
      field: 'name' | 'unit' | 'baseline' | 'target' | 'text' | 'title' | 'details' | 'area' | 'goal';
      /** @description the item’s own Chinese name, which messages quote */
      item: string;
      /** @description the Chinese text as printed */
      zh: string;
      /** @description its English; null: none yet */
      en: string | null;
    };
    ContactView: {
      /** @example 张三 */
      name: string;
      /** @example zhangsan@heyuan.gov.example */
      email: string;
      /**
       * @description the language its notices are written in
       * @enum {string}
       */
      locale: 'zh-CN' | 'en';
    };
    DepartmentView: {
      /** @example city-education */
      code: string;
      /** @example 市教育局 */
      name: string;
      /** @example Municipal Education Bureau */
      nameEn: string;
      /** @enum {string} */
      kind: 'city_bureau' | 'county_government' | 'county_bureau' | 'institution' | 'group';
      /**
       * @description other names the plan uses for it
       * @example [
       *       "教育局"
       *     ]
       */
      aliases: string[];
      /** @description 填报人; null: none yet */
      submitter: components['schemas']['ContactView'] | null;
      /** @description 审核人; null: none yet */
      supervisor: components['schemas']['ContactView'] | null;
      /** @description a group’s members (department codes), empty while it is resolved at each launch; absent for a unit */
      members?: string[];
    };
    DepartmentPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['DepartmentView'][];
    };
    ContactBody: {
      /** @example 张三 */
      name: string;
      /** @example zhangsan@heyuan.gov.example */
      email: string;
      /**
       * @default zh-CN
       * @enum {string}
       */
      locale?: 'zh-CN' | 'en';
    };
    ContactChangeView: {
      /** @example 张三 */
      name: string;
      /** @example zhangsan@heyuan.gov.example */
      email: string;
      /**
       * @description the language its notices are written in
       * @enum {string}
       */
      locale: 'zh-CN' | 'en';
      /** @example city-education */
      department: string;
      /** @enum {string} */
      role: 'submitter' | 'supervisor';
    };
    MembersBody: {
      /**
       * @description department codes; empty to resolve the group per cycle again
       * @example [
       *       "city-education",
       *       "city-health"
       *     ]
       */
      members: string[];
    };
    DelegationRowView: {
      /** Format: uuid */
      id: string;
      /**
       * @description the department’s code
       * @example city-education
       */
      department: string;
      /** @enum {string} */
      role: 'submitter' | 'supervisor';
      /** @example 李四 */
      delegateName: string;
      /** @example lisi@heyuan.gov.example */
      delegateEmail: string;
      /** Format: date-time */
      validFrom: string;
      /** Format: date-time */
      validUntil: string;
      /** @description who made it (email) */
      createdBy: string;
    };
    DelegationPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['DelegationRowView'][];
    };
    DelegationBody: {
      /** @example city-education */
      department: string;
      /** @enum {string} */
      role: 'submitter' | 'supervisor';
      /** @example 李四 */
      delegateName: string;
      /** @example lisi@heyuan.gov.example */
      delegateEmail: string;
      /** @example 2026-03-01T00:00:00+08:00 */
      validFrom: string;
      /** @example 2026-03-31T23:59:59+08:00 */
      validUntil: string;
    };
    DelegationView: {
      /** Format: uuid */
      id: string;
      /**
       * @description the department’s code
       * @example city-education
       */
      department: string;
      /** @enum {string} */
      role: 'submitter' | 'supervisor';
      /** @example 李四 */
      delegateName: string;
      /** @example lisi@heyuan.gov.example */
      delegateEmail: string;
      /** Format: date-time */
      validFrom: string;
      /** Format: date-time */
      validUntil: string;
    };
    UserAccountView: {
      /** Format: uuid */
      id: string;
      /** @example submitter@city-education.heyuan.example */
      email: string;
      /** @example 王五 */
      name: string;
      /** @enum {string} */
      role: 'admin' | 'submitter' | 'supervisor' | 'viewer' | 'approver';
      /** @description department code; null for admins and viewers */
      department: string | null;
      /** @enum {string} */
      locale: 'zh-CN' | 'en';
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      /** @description whether the account can sign in with a password (else by email links only) */
      hasPassword: boolean;
    };
    UserAccountPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['UserAccountView'][];
    };
    NewUserBody: {
      /** @example supervisor@city-education.heyuan.example */
      email: string;
      /** @example 王五 */
      name: string;
      /** @enum {string} */
      role: 'admin' | 'submitter' | 'supervisor' | 'viewer' | 'approver';
      /** @description department code, for submitters and supervisors */
      department?: string;
      /** @description at least 10 characters and at most 72 bytes (UTF-8), not a common password, and hard to guess (zxcvbn score 3 or more); without one the person enters only through email links */
      password?: string;
      /** @enum {string} */
      locale?: 'zh-CN' | 'en';
    };
    UserChangeBody: {
      /** @example 王五 */
      name?: string;
      /** @enum {string} */
      role?: 'admin' | 'submitter' | 'supervisor' | 'viewer' | 'approver';
      /** @description at least 10 characters and at most 72 bytes (UTF-8), not a common password, and hard to guess (zxcvbn score 3 or more); without one the person enters only through email links */
      password?: string;
      /** @enum {string} */
      locale?: 'zh-CN' | 'en';
      /** @description department code, or null for admins and viewers */
      department?: Record<string, unknown> | null;
      active?: boolean;
    };
    AssessmentWeightsView: {
      /** @example 25 */
      timeliness: number;
      /** @example 25 */
      completeness: number;
      /** @example 20 */
      quality: number;
      /** @example 30 */
      results: number;
    };
    LaunchBody: {
      /** @example heyuan-public-services-2021-2025 */
      planCode: string;
      /**
       * @description annual 年度监测, midterm 中期评估, final 总结评估
       * @enum {string}
       */
      kind: 'annual' | 'midterm' | 'final';
      /** @example 2023 */
      fromYear: number;
      /** @example 2023 */
      toYear: number;
      /** @example 2024-03-31T18:00:00+08:00 */
      deadline: string;
      /** @example 2024-05-31T18:00:00+08:00 */
      hardClose: string;
      /**
       * @description project brings the reserve projects; service the basic public service items (专栏2), each of which needs its department assigned in the catalog first: leave service out to launch without them
       * @default [
       *       "indicator",
       *       "task",
       *       "project",
       *       "service"
       *     ]
       */
      itemKinds?: ('indicator' | 'task' | 'project' | 'service')[];
      /** @default false */
      requireBureauAcceptance?: boolean;
      /**
       * @description the departments each group of the plan stands for in this cycle: the group by its code or name, each department by its code or name (as GET /api/departments lists them)
       * @example {
       *       "relevant-city-departments": [
       *         "city-education",
       *         "city-health"
       *       ],
       *       "相关行业主管部门": [
       *         "市民政局"
       *       ]
       *     }
       */
      groupResolution?: Record<string, unknown>;
      /** @description chasing policy overrides (durations such as "7 days") */
      policy?: Record<string, unknown>;
      /**
       * @default time_elapsed
       * @enum {string}
       */
      thresholdPreset?: 'time_elapsed' | 'traffic_light';
      /**
       * @description 监督考核权重 the departments’ assessment weights, points out of 100 (non-negative, summing to 100), saved with the cycle
       * @default {
       *       "timeliness": 25,
       *       "completeness": 25,
       *       "quality": 20,
       *       "results": 30
       *     }
       */
      assessmentWeights?: components['schemas']['AssessmentWeightsView'];
    };
    LaunchedView: {
      /** @example cycle/heyuan-public-services-2021-2025/annual/2023 */
      cycleId: string;
      /** @description lead departments started */
      departments: number;
      /** @description work items written */
      items: number;
    };
    LaunchDepartmentView: {
      /** @example city-education */
      code: string;
      /** @example 市教育局 */
      name: string;
      /**
       * @description the items it leads: item kind (indicator, task, project, reserve, service) → number of items; kinds with none left out
       * @example {
       *       "indicator": 45,
       *       "task": 49
       *     }
       */
      leads: {
        [key: string]: number;
      };
      /**
       * @description the items it is a co-operating department (配合单位) on
       * @example 3
       */
      cooperates: number;
      /** @description where its mail goes: the directory’s submitter */
      submitterEmail: string | null;
    };
    LaunchMailsView: {
      /** @description one assignment (填报任务) to each lead department’s submitter */
      assignments: number;
      /** @description one request for input (配合) to each co-operating department’s submitter */
      contributionRequests: number;
      total: number;
    };
    LaunchPreviewView: {
      /** @example cycle/heyuan-public-services-2021-2025/midterm/2021-2023 */
      cycleId: string;
      /** @example 182 */
      itemCount: number;
      /**
       * @description item kind (indicator, task, project, reserve, service) → number of items; kinds with none left out
       * @example {
       *       "indicator": 45,
       *       "task": 49
       *     }
       */
      items: {
        [key: string]: number;
      };
      /** @description every department involved, lead departments first */
      departments: components['schemas']['LaunchDepartmentView'][];
      /** @description the mails the launch sends */
      mails: components['schemas']['LaunchMailsView'];
    };
    CycleView: {
      /** @example cycle/heyuan-public-services-2021-2025/annual/2023 */
      id: string;
      /** @example heyuan-public-services-2021-2025 */
      planCode: string;
      /** @enum {string} */
      kind: 'annual' | 'midterm' | 'final';
      /** @example 2023 */
      fromYear: number;
      /** @example 2023 */
      toYear: number;
      /** Format: date-time */
      deadline: string;
      /** Format: date-time */
      hardClose: string;
      /** @description departments’ own extensions: department code → deadline */
      departmentDeadlines: {
        [key: string]: string;
      };
      /** @enum {string} */
      status: 'running' | 'closed' | 'cancelled';
      /** Format: date-time */
      launchedAt: string;
      /** Format: date-time */
      closedAt: string | null;
    };
    CyclePage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['CycleView'][];
    };
    DepartmentStateCountView: {
      /** @example city-education */
      department: string;
      /** @enum {string} */
      status: 'assigned' | 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted';
      items: number;
    };
    CycleStatusView: {
      cycle: components['schemas']['CycleView'];
      byDepartment: components['schemas']['DepartmentStateCountView'][];
    };
    LiveDepartmentView: {
      /** @example city-education */
      department: string;
      /** @description running; or starting while the cycle has named it and its workflow has not started (then alone) */
      phase: string;
      /** @description its deadline in force, epoch milliseconds */
      deadline?: number;
      counts?: {
        assigned: number;
        draft: number;
        submitted: number;
        returned: number;
        approved: number;
        accepted: number;
      };
      total?: number;
      /** @description items approved or accepted */
      done?: number;
      /** @description item keys past the deadline */
      overdue?: string[];
    };
    LiveOverdueView: {
      /** @example city-education */
      department: string;
      /** @example indicator-5 */
      itemKey: string;
    };
    LiveView: {
      /** @description preparing, collecting, closing or closed */
      phase: string;
      /**
       * @description a cycle no longer running: its status
       * @enum {string}
       */
      status?: 'running' | 'closed' | 'cancelled';
      counts?: {
        assigned: number;
        draft: number;
        submitted: number;
        returned: number;
        approved: number;
        accepted: number;
      };
      departments?: components['schemas']['LiveDepartmentView'][];
      overdue?: components['schemas']['LiveOverdueView'][];
    };
    ExtendBody: {
      /** @example 2024-04-15T18:00:00+08:00 */
      deadline: string;
      /** @description one department only; all when absent */
      department?: string;
    };
    ExtendedView: {
      cycleId: string;
      /** @description the new deadline as sent */
      deadline: string;
      /** @description the one department extended; null: all */
      department: string | null;
    };
    RemindBody: {
      /** @description one department only; all when absent */
      department?: string;
    };
    ReminderRecipientView: {
      name: string;
      email: string;
    };
    PlannedReminderView: {
      /** @example city-education */
      department: string;
      /** @example 市教育局 */
      departmentName: string;
      /** @example Municipal Education Bureau */
      departmentNameEn: string;
      /** @description the submitter or the delegate in force; null: no submitter, the reminder cannot be sent */
      recipient: components['schemas']['ReminderRecipientView'] | null;
      /** @description items the submitter still owes */
      items: number;
      /** @description its assignment has not gone yet: the reminder follows it */
      afterAssignment: boolean;
    };
    RemindedView: {
      cycleId: string;
      /** @description the one department reminded; null: all that owe items */
      department: string | null;
      reminders: components['schemas']['PlannedReminderView'][];
      /**
       * Format: date-time
       * @description by when the mail leaves (the digest window)
       */
      leavesBy: string;
      /** @description what was done, in the caller’s language (Accept-Language) */
      message: string;
      messageEn: string;
    };
    ReopenBody: {
      /** @example 规划调整，本轮评估取消 */
      reason: string;
      /**
       * @example [
       *       "indicator-5"
       *     ]
       */
      itemKeys: string[];
      /** @description closed cycles: when the corrections are due (default: two weeks) */
      deadline?: string;
      /** @description closed cycles: when the reopened run closes regardless (default: four weeks) */
      hardClose?: string;
    };
    ReasonBody: {
      /** @example 规划调整，本轮评估取消 */
      reason: string;
    };
    CancelledView: {
      cycleId: string;
      /** @enum {boolean} */
      cancelled: true;
    };
    NoticeView: {
      /** Format: uuid */
      id: string;
      /** @example city-education */
      department: string;
      /** @description the role it is written to (submitter, supervisor, …) */
      audience: string;
      /** @description the address it goes to */
      recipient: string;
      /** @description what it is about (assignment, reminder, digest, …) */
      event: string;
      /** @description its number within the department’s run */
      seq: number;
      subject: string;
      itemKeys: string[];
      /** @enum {string} */
      status: 'pending' | 'sent' | 'undeliverable' | 'dropped';
      /** @description items left out: no longer in the state the notice is about */
      droppedItems: string[];
      /**
       * @description why a dropped notice was not sent
       * @enum {string|null}
       */
      dropReason: 'moved_on' | null;
      attempts: number;
      /** @description the mail server’s last refusal */
      error: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      sentAt: string | null;
      /** @description the bureau’s resend request; null for the workflows’ notices */
      requestId: string | null;
    };
    NoticePage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['NoticeView'][];
    };
    ResentView: {
      /**
       * Format: uuid
       * @description the new notice
       */
      noticeId: string;
      /** Format: uuid */
      resendOf: string;
      /** @description whoever holds the role now */
      recipient: string;
      /** @description those of its items still waiting */
      itemKeys: string[];
      /** @enum {string} */
      status: 'pending' | 'sent' | 'undeliverable' | 'dropped';
    };
    CycleProblemView: {
      /** @example 3 */
      id: number;
      /**
       * @description null for a step of the cycle itself
       * @example null
       */
      department: string | null;
      /**
       * @description the activity that gave up
       * @example closeCycle
       */
      step: string;
      /** @description its last error, as the activity reported it */
      error: string;
      /** @example 24 */
      attempts: number;
      /** Format: date-time */
      at: string;
    };
    CycleProblemsView: {
      /** @description the steps waiting for the bureau’s retry, oldest first */
      items: components['schemas']['CycleProblemView'][];
    };
    ProblemRetriedView: {
      id: number;
      /** Format: date-time */
      retriedAt: string;
    };
    ItemAttentionView: {
      /** @enum {string} */
      reason: 'record_refused';
      requestId: string;
      command: string;
      error: string;
      /** Format: date-time */
      at: string;
    };
    DepartmentNameView: {
      /** @example 市教育局 */
      zh: string;
      /** @example Municipal Education Bureau */
      en: string;
      /** @example city-education */
      code: string;
    };
    InboxItemView: {
      cycleId: string;
      /** @example indicator-5 */
      itemKey: string;
      /** @enum {string} */
      kind: 'indicator' | 'task' | 'project' | 'reserve' | 'service';
      /** @description its number in the plan */
      no: number;
      title: string;
      /**
       * @description the lead department’s code
       * @example city-education
       */
      department: string;
      /** @description co-operating departments’ codes */
      coDepartments: string[];
      /** @enum {string} */
      status: 'assigned' | 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted';
      /** @description its latest submitted version; 0 before the first */
      version: number;
      /** @description why it needs the bureau’s attention (its record could not be stored); null: it does not */
      attention: components['schemas']['ItemAttentionView'] | null;
      /** Format: date-time */
      updatedAt: string;
      /** @description role=cooperate: the lead department */
      leadDepartment?: components['schemas']['DepartmentNameView'];
      /** @description role=cooperate: whether the department has contributed */
      contributed?: boolean;
      /**
       * Format: date-time
       * @description role=cooperate: its latest contribution
       */
      contributedAt?: string | null;
    };
    InboxPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['InboxItemView'][];
    };
    SpecView: {
      /** @example indicator-5 */
      key: string;
      /** @enum {string} */
      kind: 'indicator' | 'task' | 'project' | 'reserve' | 'service';
      no: number;
      title: string;
      /** @description department code */
      leadDepartment: string;
      coDepartments: string[];
      /** @description an indicator’s unit, target, baseline, polarity and precision (libs/cycle/submission WorkItemSpec) */
      indicator?: {
        [key: string]: unknown;
      };
    };
    VersionView: {
      /** @example 1 */
      version: number;
      /** @description the submission as sent, by item kind (libs/cycle/submission) */
      payload: {
        [key: string]: unknown;
      };
      /** @description who submitted it (email) */
      submittedBy: string;
      /** Format: date-time */
      submittedAt: string;
      approvedBy: string | null;
      /** Format: date-time */
      approvedAt: string | null;
    };
    EvidenceView: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @example application/pdf */
      mediaType: string;
      /** @description bytes */
      size: number;
      sha256: string;
      uploadedBy: string;
      /** Format: date-time */
      uploadedAt: string;
    };
    ItemDetailView: {
      cycleId: string;
      /** @example indicator-5 */
      itemKey: string;
      /** @enum {string} */
      kind: 'indicator' | 'task' | 'project' | 'reserve' | 'service';
      /** @description its number in the plan */
      no: number;
      title: string;
      /**
       * @description the lead department’s code
       * @example city-education
       */
      department: string;
      /** @description co-operating departments’ codes */
      coDepartments: string[];
      /** @enum {string} */
      status: 'assigned' | 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted';
      /** @description its latest submitted version; 0 before the first */
      version: number;
      /** @description why it needs the bureau’s attention (its record could not be stored); null: it does not */
      attention: components['schemas']['ItemAttentionView'] | null;
      /** Format: date-time */
      updatedAt: string;
      /** @description what it asks for */
      spec: components['schemas']['SpecView'];
      versions: components['schemas']['VersionView'][];
      /** @description the draft saved since its last submission; null: none */
      draft: {
        [key: string]: unknown;
      } | null;
      evidence: components['schemas']['EvidenceView'][];
    };
    SubmissionBody: {
      /**
       * @description by item kind: indicator {kind, value, dataSource, reasons?, measures?, evidence?}; task {kind, progress, narrative, evidence?}; project {kind, investmentInPeriod, investmentCumulative, constructionStatus, landSecured, narrative?, evidence?}; reserve {kind, stage: not_started|preparing|moved_into_plan, narrative (unless not_started), evidence?}; service {kind, implementation: implemented|partly|not_implemented, narrative (unless implemented), evidence?}
       * @example {
       *       "kind": "indicator",
       *       "value": 3.6,
       *       "dataSource": "河源市统计年鉴"
       *     }
       */
      submission: Record<string, unknown>;
    };
    LocalizedView: {
      /** @example 市教育局 */
      zh: string;
      /** @example Municipal Education Bureau */
      en: string;
    };
    CommandResultView: {
      /** @example indicator-5 */
      itemKey: string;
      /** @enum {string} */
      status: 'assigned' | 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted';
      version: number;
      /** @description data-quality warnings the supervisor will see beside the value */
      warnings: components['schemas']['LocalizedView'][];
    };
    ContributionBody: {
      /** @example 我局已完成辖区内数据核对。 */
      text: string;
    };
    ReviewBody: {
      /** @enum {string} */
      decision: 'approve' | 'reject';
      /**
       * @description required when rejecting
       * @example 数据来源与统计公报不一致，请核实
       */
      reason?: string;
    };
    BulkApproveBody: {
      /** @example city-education */
      department: string;
      /**
       * @example [
       *       "indicator-5",
       *       "indicator-6"
       *     ]
       */
      itemKeys: string[];
    };
    CommandResultsView: {
      results: components['schemas']['CommandResultView'][];
    };
    ItemEventView: {
      /** Format: date-time */
      at: string;
      /** @example submit */
      type: string;
      /** @description who acted: name, id, department, role */
      actor: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      statusBefore: 'assigned' | 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted';
      /** @enum {string} */
      statusAfter: 'assigned' | 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted';
      /** @description the command’s reason, text, decision or submission */
      detail: {
        [key: string]: unknown;
      };
    };
    AuditChangeView: {
      /** Format: date-time */
      at: string;
      /** @description email of the person who acted */
      actor: string;
      /** @description their role then (admin, submitter, supervisor, viewer, or a link’s) */
      actorRole: string;
      ip: string | null;
      /** @example submit */
      action: string;
      /** @description the state before the change */
      before: {
        [key: string]: unknown;
      } | null;
      /** @description the state after it */
      after: {
        [key: string]: unknown;
      } | null;
    };
    ItemHistoryView: {
      /** @description oldest first */
      events: components['schemas']['ItemEventView'][];
      versions: components['schemas']['VersionView'][];
      audit: components['schemas']['AuditChangeView'][];
    };
    ReviewPreviousView: {
      year: number;
      /** @description true/false for qualitative targets */
      value: number | boolean;
    };
    WarningView: {
      /** @example 市教育局 */
      zh: string;
      /** @example Municipal Education Bureau */
      en: string;
      /** @description the data-quality rule */
      rule: string;
    };
    ReviewRowView: {
      cycleId: string;
      /** @example indicator-5 */
      itemKey: string;
      /** @enum {string} */
      kind: 'indicator' | 'task' | 'project' | 'reserve' | 'service';
      /** @description its number in the plan */
      no: number;
      title: string;
      /**
       * @description the lead department’s code
       * @example city-education
       */
      department: string;
      /** @description its latest submitted version; 0 before the first */
      version: number;
      /** Format: date-time */
      submittedAt: string;
      /** @description the submission as sent, by item kind (libs/cycle/submission) */
      payload: {
        [key: string]: unknown;
      };
      /** @description 约束性; null for what is not an indicator */
      binding: boolean | null;
      unit: string | null;
      target: components['schemas']['LocalizedView'] | null;
      /**
       * @description judged against the expected path
       * @enum {string|null}
       */
      status: 'achieved' | 'requirement_met' | 'on_track' | 'slightly_behind' | 'lagging' | 'no_data' | null;
      expected: number | null;
      /** @description the last approved value */
      previous: components['schemas']['ReviewPreviousView'] | null;
      /** @description change from the last approved value */
      change: number | null;
      /** @description 原因分析 */
      reasons: string | null;
      /** @description 下一步措施 */
      measures: string | null;
      /** @description evidence files attached */
      evidence: number;
      warnings: components['schemas']['WarningView'][];
    };
    ReviewPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['ReviewRowView'][];
    };
    PlanYearsView: {
      baselineYear: number;
      endYear: number;
      /** @description the year judged */
      year: number;
    };
    ThresholdsView: {
      /** @enum {string} */
      preset: 'time_elapsed' | 'traffic_light' | 'custom';
      /** @description ratio ≥ onTrack: on track */
      onTrack: number;
      /** @description onTrack > ratio ≥ slightlyBehind: slightly behind; below: lagging */
      slightlyBehind: number;
      /** @description projections: |ratio − 1| within the first on track, within the second slightly off */
      projectionTolerance: number[];
      /** @description the share of a floor or ceiling within which meeting it is warned */
      limitMargin?: number;
    };
    IndicatorContextView: {
      years: components['schemas']['PlanYearsView'];
      thresholds: components['schemas']['ThresholdsView'];
    };
    ContributorView: {
      /** @example 市教育局 */
      zh: string;
      /** @example Municipal Education Bureau */
      en: string;
      /** @example city-education */
      code: string;
      contributed: boolean;
      /**
       * Format: date-time
       * @description its latest contribution
       */
      contributedAt: string | null;
    };
    TaskContextView: {
      /** @description the task’s text from the plan */
      text: components['schemas']['LocalizedView'];
      coDepartments: components['schemas']['ContributorView'][];
    };
    PreviousReportView: {
      year: number;
      /** @description 万元, cumulative within the plan period */
      investmentCumulative: number;
      /** @enum {string} */
      constructionStatus: 'not_started' | 'preparing' | 'under_construction' | 'completed';
    };
    ProjectContextView: {
      /** @description 建设内容 */
      content: string;
      /** @description 万元 */
      totalInvestment: number;
      /** @description 万元 within the plan period */
      planPeriodInvestment: number | null;
      /** @description its previous approved report */
      previous: components['schemas']['PreviousReportView'] | null;
    };
    ItemContextResponse: {
      /** @description what an indicator’s value is judged by; null: not an indicator */
      indicator: components['schemas']['IndicatorContextView'] | null;
      task: components['schemas']['TaskContextView'] | null;
      project: components['schemas']['ProjectContextView'] | null;
    };
    ReportVersionView: {
      /**
       * @description a reopen adds a version and keeps the old
       * @example 1
       */
      version: number;
      /** @description SHA-256 of the report’s figures, the same in every format and language */
      contentHash: string;
      /**
       * @description 征求意见稿 draft (every version a close compiles) or 定稿 final (the review’s final version)
       * @enum {string}
       */
      stage: 'draft' | 'final';
      /** Format: date-time */
      createdAt: string;
      formats: ('docx' | 'xlsx' | 'html' | 'json')[];
    };
    ReportListView: {
      total: number;
      items: components['schemas']['ReportVersionView'][];
    };
    AssessmentComponentsView: {
      /** @description 报送及时性 0–100 */
      timeliness: number;
      /** @description 报送完整性 0–100 */
      completeness: number;
      /** @description 数据质量 0–100 */
      quality: number;
      /** @description 目标完成情况 0–100; null: no item judged against a path (its weight counts for the others) */
      results: number | null;
    };
    AssessmentFactsView: {
      /** @enum {string} */
      timeliness: 'on_time' | 'late' | 'missing';
      /** @description items assigned to the department as lead */
      assigned: number;
      /** @description of them, approved at the close */
      approved: number;
      /** @description times a review returned one of its submissions */
      returns: number;
      /** @description blocking data-quality findings on its approved values */
      blockingFindings: number;
      /** @description data-quality warnings standing on its approved values */
      warnings: number;
      /** @description its items whose reasons or measures are boilerplate (套话) */
      boilerplate: number;
    };
    DepartmentAssessmentView: {
      /** @example city-education */
      department: string;
      /** @example 市教育局 */
      name: string;
      /** @example Municipal Education Bureau */
      nameEn: string;
      /** @description 1 is best; equal totals share a rank */
      rank: number;
      /** @description the weighted total, 0–100 */
      total: number;
      /**
       * @description 优秀 ≥90, 良好 ≥80, 合格 ≥60, 不合格 below
       * @enum {string}
       */
      grade: 'excellent' | 'good' | 'pass' | 'fail';
      components: components['schemas']['AssessmentComponentsView'];
      /** @description the weights this score was made with */
      weights: components['schemas']['AssessmentWeightsView'];
      facts: components['schemas']['AssessmentFactsView'];
    };
    CycleAssessmentView: {
      cycleId: string;
      /** @description the report version the scores belong to (a reopen’s recompiled version has its own) */
      reportVersion: number;
      weights: components['schemas']['AssessmentWeightsView'];
      /** @description best first */
      departments: components['schemas']['DepartmentAssessmentView'][];
    };
    SectionTextView: {
      /** @description zh-CN, the Word document and HTML page in Chinese */
      text: string;
      /** @description English, the English rendition */
      textEn: string;
    };
    TextVersionView: {
      /** @description zh-CN, the Word document and HTML page in Chinese */
      text: string;
      /** @description English, the English rendition */
      textEn: string;
      /** @description 0: the drafted text; each save adds one */
      version: number;
      /** @description who saved it; null: drafted by the system */
      editedBy: string | null;
      /**
       * Format: date-time
       * @description when it was saved (drafted: when compiled)
       */
      editedAt: string;
      /** @description the compiled report version whose drafted text it was made over */
      reportVersion: number;
    };
    TextVersionSummaryView: {
      version: number;
      editedBy: string | null;
      /** Format: date-time */
      editedAt: string;
    };
    ReportSectionView: {
      /**
       * @description the finding it is drafted from, stable across recompiles
       * @example problems.behind
       */
      key: string;
      /** @enum {string} */
      chapter: 'problems' | 'recommendations' | 'adjustments';
      /** @description as the latest compiled version drafts it */
      drafted: components['schemas']['SectionTextView'];
      /** @description the bureau’s latest edit; null: not edited */
      latest: components['schemas']['TextVersionView'] | null;
      /** @description the latest edit was made over drafted text that a recompile has since drafted differently */
      draftedChanged: boolean;
      /** @description version 0 (drafted) and every save, oldest first */
      versions: components['schemas']['TextVersionSummaryView'][];
    };
    ReportTextView: {
      /** @description whether the bureau may still edit: until 定稿, and again after the approver returns it */
      editable: boolean;
      /** @description the compiled version whose drafted text is shown */
      reportVersion: number;
      /** @description SHA-256 of that version’s figures (the edits never change it) */
      contentHash: string;
      /** @description SHA-256 of the drafted text as it now reads, the edits in place */
      textHash: string;
      sections: components['schemas']['ReportSectionView'][];
    };
    TextVersionsView: {
      section: string;
      /** @description version 0 (drafted) first */
      items: components['schemas']['TextVersionView'][];
    };
    SaveTextBody: {
      /** @example 部分指标进度滞后，需加快推进。 */
      text: string;
      /** @example Some indicators are behind their path and need to speed up. */
      textEn: string;
      /** @description the version the editor started from (0: the drafted text); a later one refuses the save */
      baseVersion: number;
    };
    StartReviewBody: {
      /**
       * @description when the departments’ comments are due
       * @example 2024-06-30T18:00:00+08:00
       */
      deadline: string;
      /**
       * @description whether the final version waits for the approver
       * @default true
       */
      requireApproval?: boolean;
    };
    ReviewStartedView: {
      cycleId: string;
      /** @description false: the review was already running, and this request changed nothing */
      started: boolean;
    };
    ReviewActorView: {
      name: string;
      /** @enum {string} */
      role: 'bureau' | 'submitter' | 'supervisor' | 'evaluator' | 'approver';
      /** @description department code; null for the bureau, evaluator, approver */
      department: string | null;
    };
    FinalVersionView: {
      version: number;
      /** @description SHA-256 of the figures */
      contentHash: string;
      /** @description SHA-256 of the report’s text */
      textHash: string;
      /** @description 定稿 by */
      by: components['schemas']['ReviewActorView'];
      /** Format: date-time */
      at: string;
    };
    ApprovalDecisionView: {
      approved: boolean;
      reason: string | null;
      by: components['schemas']['ReviewActorView'];
      /** Format: date-time */
      at: string;
    };
    ReviewDepartmentView: {
      code: string;
      name: string;
      /** @description commented, said it has no comment, or disputed */
      answered: boolean;
      /** Format: date-time */
      answeredAt: string | null;
    };
    ReviewAnswerView: {
      /**
       * @description a comment: accepted / not_accepted; a dispute: granted / refused
       * @enum {string}
       */
      answer: 'accepted' | 'not_accepted' | 'granted' | 'refused';
      /** @description required when not accepted or refused */
      reason: string | null;
      by: components['schemas']['ReviewActorView'];
      /** Format: date-time */
      at: string;
    };
    ReviewCommentView: {
      /** @description the request that made it */
      id: string;
      /**
       * @description assessment: the third-party evaluator’s
       * @enum {string}
       */
      kind: 'comment' | 'no_comment' | 'assessment' | 'dispute';
      department: string | null;
      author: components['schemas']['ReviewActorView'];
      itemKey: string | null;
      /** @enum {string|null} */
      section:
        | 'summary'
        | 'indicators'
        | 'targets'
        | 'tasks'
        | 'projects'
        | 'reserve_projects'
        | 'service_items'
        | 'timeliness'
        | 'problems'
        | 'recommendations'
        | 'adjustments'
        | null;
      text: string;
      /** @description the draft version it was made on */
      version: number;
      /** Format: date-time */
      at: string;
      answer: components['schemas']['ReviewAnswerView'] | null;
    };
    ReviewView: {
      cycleId: string;
      /**
       * @description commenting 征求意见, recompiling (a granted dispute reruns the cycle), finalising, awaiting_approval, approved (the final version being mailed), completed
       * @enum {string}
       */
      stage: 'commenting' | 'recompiling' | 'finalising' | 'awaiting_approval' | 'approved' | 'completed';
      /** Format: date-time */
      deadline: string;
      requireApproval: boolean;
      /** @description the draft version out for comments */
      draftVersion: number;
      final: components['schemas']['FinalVersionView'] | null;
      /** @description the approver’s last word */
      decision: components['schemas']['ApprovalDecisionView'] | null;
      /** @description a department sees only itself */
      departments: components['schemas']['ReviewDepartmentView'][];
      /** @description a department sees its own comments and the assessments */
      comments: components['schemas']['ReviewCommentView'][];
    };
    CommentBody: {
      /**
       * @description the item the comment is about (or a section)
       * @example indicator-5
       */
      itemKey?: string;
      /**
       * @description the section the comment is about (or an item)
       * @enum {string}
       */
      section?:
        | 'summary'
        | 'indicators'
        | 'targets'
        | 'tasks'
        | 'projects'
        | 'reserve_projects'
        | 'service_items'
        | 'timeliness'
        | 'problems'
        | 'recommendations'
        | 'adjustments';
      /** @example 第5项指标的数据来源应为2023年统计年鉴。 */
      text: string;
    };
    ReviewOutcomeView: {
      requestId: string;
      /** @enum {string} */
      stage: 'commenting' | 'recompiling' | 'finalising' | 'awaiting_approval' | 'approved' | 'completed';
      /** @description the comment or dispute made or answered */
      commentId?: string | null;
    };
    AnswerBody: {
      /** @description accepted (采纳) or not (不采纳) */
      accepted: boolean;
      /** @description required when not accepted */
      reason?: string;
    };
    DisputeBody: {
      /** @example indicator-5 */
      itemKey: string;
      /** @example 2023年数值填报有误，应为12.4，请重新打开更正。 */
      reason: string;
    };
    DisputeDecisionBody: {
      /** @description granted: the item is reopened and the report recompiled */
      granted: boolean;
      /** @description required when refused */
      reason?: string;
    };
    ApprovalBody: {
      /** @description approved, or returned to the bureau with a reason */
      approved: boolean;
      /** @description required when returned */
      reason?: string;
    };
    GuideCycleView: {
      /** @example cycle/heyuan-public-services-2021-2025/annual/2023 */
      id: string;
      /** @enum {string} */
      kind: 'annual' | 'midterm' | 'final';
      /** @example 2023 */
      fromYear: number;
      /** @example 2023 */
      toYear: number;
      /** Format: date-time */
      deadline: string;
      /** @enum {string} */
      status: 'running' | 'closed' | 'cancelled';
    };
    GuideBaselineView: {
      /** @description the plan’s base year */
      year: number;
      /** @description as printed */
      printed: string | null;
      /** @description null: not a number (a qualitative baseline) */
      value: number | null;
    };
    GuideTargetView: {
      /** @description the plan’s end year */
      year: number;
      /** @description as printed */
      printed: string | null;
      /** @description the target in words */
      text: components['schemas']['LocalizedView'];
      /** @description the target’s form (libs/rules/target) */
      kind: string;
    };
    PreviousValueView: {
      year: number;
      value: number;
      /** @enum {string} */
      source: 'baseline' | 'cycle';
    };
    GuideIndicatorView: {
      unit: string;
      category: components['schemas']['LocalizedView'] | null;
      /** @description 约束性 */
      binding: boolean;
      baseline: components['schemas']['GuideBaselineView'];
      target: components['schemas']['GuideTargetView'];
      /** @description the value expected this year on the straight path */
      expected: number | null;
      /** @description last year’s approved value */
      previous: components['schemas']['PreviousValueView'] | null;
    };
    GuideWarningView: {
      /** @example 市教育局 */
      zh: string;
      /** @example Municipal Education Bureau */
      en: string;
      /** @description the data-quality rule */
      rule: string;
      /** @description whether it stops a submission */
      blocking: boolean;
    };
    GuideView: {
      /** @description the year the value is for */
      year: number;
      /** @enum {string} */
      kind: 'indicator' | 'task' | 'project' | 'reserve' | 'service';
      cycle: components['schemas']['GuideCycleView'];
      /** @description the lead department */
      department: components['schemas']['DepartmentNameView'];
      /** @description null: not an indicator */
      indicator: components['schemas']['GuideIndicatorView'] | null;
      /** @description its latest version: the submission as sent, by item kind (libs/cycle/submission); null: none */
      latest: {
        [key: string]: unknown;
      } | null;
      /** @description on the latest submission */
      warnings: components['schemas']['GuideWarningView'][];
    };
    DepartmentProgressView: {
      /** @example city-education */
      department: string;
      name: components['schemas']['LocalizedView'];
      total: number;
      /** @description items submitted at least once */
      submitted: number;
      /** @description items owed past its deadline in force */
      overdue: number;
      counts: {
        assigned?: number;
        draft?: number;
        submitted?: number;
        returned?: number;
        approved?: number;
        accepted?: number;
      };
      /**
       * Format: date-time
       * @description its deadline in force: its own extension, or the cycle’s
       */
      deadline: string;
      /**
       * @description missing: some item never submitted past the deadline; pending: before it
       * @enum {string}
       */
      timeliness: 'on_time' | 'late' | 'missing' | 'pending';
    };
    CategoryProgressView: {
      /** @description the plan’s category of indicators, or the item kind for the others */
      key: string;
      name: components['schemas']['LocalizedView'];
      total: number;
      counts: {
        assigned?: number;
        draft?: number;
        submitted?: number;
        returned?: number;
        approved?: number;
        accepted?: number;
      };
    };
    OverdueItemView: {
      /** @example indicator-5 */
      itemKey: string;
      /** @enum {string} */
      kind: 'indicator' | 'task' | 'project' | 'reserve' | 'service';
      /** @description its number in the plan */
      no: number;
      title: string;
      /**
       * @description the lead department’s code
       * @example city-education
       */
      department: string;
      /** @enum {string} */
      status: 'assigned' | 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted';
      departmentName: components['schemas']['LocalizedView'];
      /**
       * Format: date-time
       * @description the deadline it was owed by
       */
      deadline: string;
    };
    CycleOverviewView: {
      cycleId: string;
      /** @enum {string} */
      status: 'running' | 'closed' | 'cancelled';
      /** Format: date-time */
      deadline: string;
      /**
       * Format: date-time
       * @description the moment the figures were judged at; a closed cycle’s are final
       */
      asOf: string;
      departments: components['schemas']['DepartmentProgressView'][];
      categories: components['schemas']['CategoryProgressView'][];
      /** @description owed past the deadline in force; a closed cycle’s: those never submitted or left returned */
      overdue: components['schemas']['OverdueItemView'][];
    };
    AuditEntryView: {
      /** Format: date-time */
      at: string;
      /** @description email of the person who acted */
      actor: string;
      /** @description their role then (admin, submitter, supervisor, viewer, or a link’s) */
      actorRole: string;
      ip: string | null;
      /** @example submit */
      action: string;
      /** @description the state before the change */
      before: {
        [key: string]: unknown;
      } | null;
      /** @description the state after it */
      after: {
        [key: string]: unknown;
      } | null;
      /** Format: uuid */
      id: string;
      /** @description the API request that made the change */
      requestId: string;
      /**
       * @description item, cycle, contact, user, …
       * @example item
       */
      entityType: string;
      /** @example cycle/heyuan-public-services-2021-2025/annual/2023#indicator-5 */
      entityId: string;
    };
    AuditPage: {
      /** @description items in the whole list */
      total: number;
      /** @description from 1 */
      page: number;
      pageSize: number;
      items: components['schemas']['AuditEntryView'][];
    };
    JsonPayload: {
      metadata: {
        [key: string]: string;
      };
      /** Format: byte */
      data?: string;
    };
    PayloadsBody: {
      payloads: components['schemas']['JsonPayload'][];
    };
    AdjustmentStepView: {
      /** @enum {string} */
      kind: 'approve' | 'return' | 'revise';
      /**
       * @description who took it: the lead department, the approver, the bureau
       * @enum {string}
       */
      stage: 'department' | 'approver' | 'bureau';
      /**
       * @description the state it left the adjustment in
       * @enum {string}
       */
      state: 'proposed' | 'department_approved' | 'approved' | 'returned';
      round: number;
      /** @description who, by name */
      actorName: string;
      actorEmail: string;
      /** @enum {string} */
      actorRole: 'bureau' | 'supervisor' | 'approver';
      actorDepartment?: string | null;
      comment?: string | null;
      /** Format: date-time */
      at: string;
    };
    AdjustmentView: {
      id: number;
      planCode: string;
      /** @enum {string} */
      itemKind: 'indicator' | 'project';
      /** @description the indicator’s or the major project’s number in the plan */
      itemNo: number;
      /** @description the item’s name in the plan */
      itemName: string;
      /** @description the department whose supervisor decides first */
      leadDepartment: string;
      /** @description the plan’s own target as printed (a project: its plan-period investment, 万元) */
      originalTarget: string;
      adjustedTarget: string;
      /** @description the first evaluated year judged against the adjusted target */
      effectiveYear: number;
      reason: string;
      /** @description the cycle whose evaluation it was proposed from */
      cycleId: string;
      /** @description that cycle’s report version when proposed */
      reportVersion?: number | null;
      proposedBy: string;
      proposedByName: string;
      /** @enum {string} */
      state: 'proposed' | 'department_approved' | 'approved' | 'returned';
      /** @description 1, and one more for each resubmission after a return */
      round: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      approvedAt?: string | null;
      /** @description one adjustment’s answer only: every decision and revision */
      steps?: components['schemas']['AdjustmentStepView'][];
    };
    AdjustmentListView: {
      total: number;
      items: components['schemas']['AdjustmentView'][];
    };
    ProposalBody: {
      /**
       * @description as the plan prints targets (11.5, ≥95, 4.0以内, 〔12.5〕); a project: 万元
       * @example 11.5
       */
      adjustedTarget: string;
      /**
       * @description the first evaluated year judged against it
       * @example 2024
       */
      effectiveYear: number;
      /** @description why, as the report will print it */
      reason: string;
      /** @description the cycle (annual or mid-term, with a report) it is proposed from */
      cycleId: string;
      /** @enum {string} */
      itemKind: 'indicator' | 'project';
      /** @description the indicator’s or the major project’s number */
      itemNo: number;
    };
    DecisionBody: {
      /** @enum {string} */
      decision: 'approve' | 'return';
      /** @description required when returning */
      comment?: string;
    };
    RevisionBody: {
      /**
       * @description as the plan prints targets (11.5, ≥95, 4.0以内, 〔12.5〕); a project: 万元
       * @example 11.5
       */
      adjustedTarget: string;
      /**
       * @description the first evaluated year judged against it
       * @example 2024
       */
      effectiveYear: number;
      /** @description why, as the report will print it */
      reason: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LivenessView'];
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReadinessView'];
        };
      };
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReadinessView'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionView'];
        };
      };
      /** @description 登录失败次数过多 Too many attempts: wait for Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_link: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LinkBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LinkSessionView'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PrincipalView'];
        };
      };
    };
  };
  PasswordResetController_request: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PasswordResetRequestBody'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageView'];
        };
      };
      /** @description 请求次数过多 Too many requests: wait for Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PasswordResetController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PasswordResetBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageView'];
        };
      };
      /** @description 链接已过期或已使用 The link has expired or been used */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PlansController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanPage'];
        };
      };
    };
  };
  PlansController_indicators: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description department code or name (variants such as 统计局 accepted) */
        department?: string;
        category?: string;
      };
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IndicatorPage'];
        };
      };
    };
  };
  PlansController_targets: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TargetPage'];
        };
      };
    };
  };
  PlansController_tasks: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskPage'];
        };
      };
    };
  };
  PlansController_projects: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description planned (附件3) or reserve (附件4); both when absent */
        status?: 'planned' | 'reserve';
      };
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectPage'];
        };
      };
    };
  };
  PlansController_export: {
    parameters: {
      query?: {
        format?: 'json' | 'xlsx';
      };
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file, as an attachment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
    };
  };
  PlansController_serviceItems: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceItemsView'];
        };
      };
    };
  };
  PlansController_assignServiceItems: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ServiceAssignmentsBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ServiceItemsView'];
        };
      };
    };
  };
  PlansController_import: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description .json or .xlsx
           */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanImportView'];
        };
      };
    };
  };
  CalendarController_show: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarView'];
        };
      };
    };
  };
  CalendarController_ensure: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarEnsuredView'];
        };
      };
    };
  };
  CalendarController_pause: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CalendarPauseBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarView'];
        };
      };
    };
  };
  CalendarController_resume: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CalendarPauseBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarView'];
        };
      };
    };
  };
  TranslationsController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        kind?: 'indicator' | 'target' | 'task' | 'project' | 'reserve' | 'projectGroup' | 'serviceItem';
        /** @description only the texts that need English and have none */
        missing?: boolean;
      };
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TranslationPage'];
        };
      };
    };
  };
  TranslationsController_edit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TranslationBody'];
      };
    };
    responses: {
      /** @description the text with its English as saved */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TranslationView'];
        };
      };
    };
  };
  DepartmentsController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description part of the name, English name or code */
        q?: string;
        kind?: 'city_bureau' | 'county_government' | 'county_bureau' | 'institution' | 'group';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentPage'];
        };
      };
    };
  };
  DepartmentsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentView'];
        };
      };
    };
  };
  DepartmentsController_setContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
        role: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ContactBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactChangeView'];
        };
      };
    };
  };
  DepartmentsController_setMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MembersBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentView'];
        };
      };
    };
  };
  DepartmentsController_delegations: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        department?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DelegationPage'];
        };
      };
    };
  };
  DepartmentsController_delegate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DelegationBody'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DelegationView'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        role?: 'admin' | 'submitter' | 'supervisor' | 'viewer' | 'approver';
        department?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserAccountPage'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewUserBody'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserAccountView'];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UserChangeBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserAccountView'];
        };
      };
    };
  };
  CyclesController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        status?: 'running' | 'closed' | 'cancelled';
        kind?: 'annual' | 'midterm' | 'final';
        planCode?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CyclePage'];
        };
      };
    };
  };
  CyclesController_launch: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LaunchBody'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LaunchedView'];
        };
      };
    };
  };
  CyclesController_preview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LaunchBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LaunchPreviewView'];
        };
      };
    };
  };
  CyclesController_status: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CycleStatusView'];
        };
      };
    };
  };
  CyclesController_live: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveView'];
        };
      };
    };
  };
  CyclesController_extend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExtendBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtendedView'];
        };
      };
    };
  };
  CyclesController_remind: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RemindBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RemindedView'];
        };
      };
    };
  };
  CyclesController_reopen: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReopenBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CyclesController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CancelledView'];
        };
      };
    };
  };
  CyclesController_notices: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        status?: 'pending' | 'sent' | 'undeliverable' | 'dropped';
        department?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NoticePage'];
        };
      };
    };
  };
  CyclesController_resend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        noticeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResentView'];
        };
      };
    };
  };
  CycleProblemsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CycleProblemsView'];
        };
      };
    };
  };
  CycleProblemsController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        problemId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemRetriedView'];
        };
      };
    };
  };
  ItemsController_inbox: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description department code; departments always see their own (the bureau and viewers name one, required with role=cooperate) */
        department?: string;
        /** @description lead (我牵头的): the items the department leads; cooperate (需我配合的): the items it co-operates on (配合单位), each with `contributed` and `contributedAt` (its latest contribution) and the lead department’s names */
        role?: 'lead' | 'cooperate';
        status?: 'assigned' | 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted';
        kind?: 'indicator' | 'task' | 'project' | 'reserve' | 'service';
      };
      header?: never;
      path: {
        cycleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InboxPage'];
        };
      };
    };
  };
  ItemsController_item: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        itemKey: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ItemDetailView'];
        };
      };
    };
  };
  ItemsController_saveDraft: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        itemKey: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubmissionBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultView'];
        };
      };
    };
  };
  ItemsController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        itemKey: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubmissionBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultView'];
        };
      };
    };
  };
  ItemsController_contribute: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        itemKey: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ContributionBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultView'];
        };
      };
    };
  };
  ItemsController_review: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        itemKey: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultView'];
        };
      };
    };
  };
  ItemsController_bulkApprove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkApproveBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultsView'];
        };
      };
    };
  };
  ItemsController_history: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        itemKey: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ItemHistoryView'];
        };
      };
    };
  };
  ItemContextController_reviews: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description department code; supervisors always see their own (the bureau and viewers may name one) */
        department?: string;
      };
      header?: never;
      path: {
        cycleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewPage'];
        };
      };
    };
  };
  ItemContextController_itemContext: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        itemKey: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ItemContextResponse'];
        };
      };
    };
  };
  EvidenceController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        itemKey: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description pdf, png, jpg, docx, xlsx, csv or txt
           */
          file: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EvidenceController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        itemKey: string;
        fileId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file as uploaded, with its own media type, as an attachment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
    };
  };
  ReportsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportListView'];
        };
      };
    };
  };
  ReportsController_file: {
    parameters: {
      query?: {
        lang?: 'zh-CN' | 'en';
      };
      header?: never;
      path: {
        cycleId: string;
        version: number;
        format: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file: HTML shown in the page, the others as attachments */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/html; charset=utf-8': string;
          'application/json': string;
        };
      };
    };
  };
  AssessmentController_assessment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CycleAssessmentView'];
        };
      };
    };
  };
  AssessmentController_workbook: {
    parameters: {
      query?: {
        lang?: 'zh-CN' | 'en';
      };
      header?: never;
      path: {
        cycleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook, as an attachment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
    };
  };
  ReportTextController_text: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportTextView'];
        };
      };
    };
  };
  ReportTextController_versions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        section: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TextVersionsView'];
        };
      };
    };
  };
  ReportTextController_save: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        section: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveTextBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportSectionView'];
        };
      };
    };
  };
  ReviewController_state: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewView'];
        };
      };
    };
  };
  ReviewController_start: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartReviewBody'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewStartedView'];
        };
      };
    };
  };
  ReviewController_comment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewOutcomeView'];
        };
      };
    };
  };
  ReviewController_noComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewOutcomeView'];
        };
      };
    };
  };
  ReviewController_answer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        commentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnswerBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewOutcomeView'];
        };
      };
    };
  };
  ReviewController_dispute: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DisputeBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewOutcomeView'];
        };
      };
    };
  };
  ReviewController_decideDispute: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        disputeId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DisputeDecisionBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewOutcomeView'];
        };
      };
    };
  };
  ReviewController_finalise: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewOutcomeView'];
        };
      };
    };
  };
  ReviewController_approval: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApprovalBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewOutcomeView'];
        };
      };
    };
  };
  PortalController_guide: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
        itemKey: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GuideView'];
        };
      };
    };
  };
  PortalController_overview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        cycleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CycleOverviewView'];
        };
      };
    };
  };
  PortalController_overdueWorkbook: {
    parameters: {
      query?: {
        lang?: 'zh-CN' | 'en';
      };
      header?: never;
      path: {
        cycleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook, as an attachment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
        /** @description e.g. item, cycle, contact, user */
        entityType?: string;
        entityId?: string;
        /** @description email of the person who acted */
        actor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPage'];
        };
      };
    };
  };
  PayloadCodecController_decode: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PayloadsBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PayloadsBody'];
        };
      };
    };
  };
  PayloadCodecController_encode: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PayloadsBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PayloadsBody'];
        };
      };
    };
  };
  AdjustmentsController_list: {
    parameters: {
      query?: {
        state?: 'proposed' | 'department_approved' | 'approved' | 'returned';
      };
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdjustmentListView'];
        };
      };
    };
  };
  AdjustmentsController_propose: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProposalBody'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdjustmentView'];
        };
      };
    };
  };
  AdjustmentsController_one: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdjustmentView'];
        };
      };
    };
  };
  AdjustmentsController_decide: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecisionBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdjustmentView'];
        };
      };
    };
  };
  AdjustmentsController_revise: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RevisionBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdjustmentView'];
        };
      };
    };
  };
}
