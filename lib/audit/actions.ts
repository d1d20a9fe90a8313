// The closed catalogue of audit actions: every audit entry names one of these, so the log
// can be shown in Chinese and filtered by action (and a typo is a type error, not a new
// action nobody can find). Add a verb's action here when you add the verb.

export const AUDIT_ACTIONS = {
  // sign-in and sessions
  "auth.sign-in": "登录",
  "auth.sign-out": "退出登录",
  "auth.lock": "账号锁定",
  // administration
  "user.create": "新建用户",
  "user.update": "修改用户",
  "user.disable": "停用用户",
  "user.enable": "启用用户",
  "user.reset-password": "重置密码",
  "department.create": "新建部门",
  "department.update": "修改部门",
  "category.create": "新建栏目",
  "category.update": "修改栏目",
  "category.delete": "删除栏目",
  "settings.update": "修改网站设置",
  "calendar.day.create": "新增日历日",
  "calendar.day.update": "修改日历日",
  "calendar.day.delete": "删除日历日",
  "calendar.region.create": "新建日历地区",
  "calendar.region.update": "修改日历地区",
  "calendar.year.import": "导入年度节假日",
  "calendar.year.mark": "标记年度日历",
  "calendar.year.mark-loaded": "确认年度日历已公布",
  "calendar.year.unmark-loaded": "撤销年度日历公布标记",
  "jobs.retry": "重试后台任务",
  // disclosure workflow
  "disclosure.create": "新建公开信息",
  "disclosure.edit": "修改公开信息",
  "disclosure.submit": "提交审查",
  "disclosure.review": "保密审查",
  "disclosure.sign": "签发",
  "disclosure.return": "退回",
  "disclosure.publish": "发布",
  "disclosure.publish-scheduled": "定时发布",
  "disclosure.schedule": "设置定时发布",
  "disclosure.unschedule": "取消定时发布",
  "disclosure.withdraw": "撤回",
  "disclosure.reopen": "重新审查",
  "disclosure.discard-draft": "放弃修改稿",
  "disclosure.escalation.save": "保存签发层级",
  "disclosure.attachment.add": "上传附件",
  "structured.create": "新建结构化信息",
  "structured.save": "保存结构化信息",
  "structured.edit": "修改结构化信息",
  // on-request process
  "request.create": "在线提交申请",
  "request.register": "登记申请",
  "request.confirm": "确认收到申请",
  "request.close-unconfirmed": "无法确认，办结",
  "request.assign": "分办",
  "request.split": "拆分申请",
  "request.accept": "受理",
  "request.start-review": "开始办理",
  "request.attachment": "上传案卷材料",
  "request.correction-request": "补正告知",
  "request.correction-receive": "收到补正",
  "request.correction-online": "在线补正",
  "request.correction-overdue": "逾期未补正，办结",
  "request.consultation-start": "征求第三方意见",
  "request.consultation-answer": "记录第三方意见",
  "request.extension-request": "申请延期",
  "request.extension-decide": "审批延期",
  "request.extension-notice": "延期告知",
  "request.fee-notice": "收费通知",
  "request.fee-paid": "确认缴费",
  "request.fee-overdue": "逾期未缴费，办结",
  "request.reply-draft": "拟写答复",
  "request.reply-return": "退回答复",
  "request.reply-sign": "签发答复",
  "request.reply-letter": "生成答复书",
  "request.deliver": "送达",
  "request.archive": "归档",
  "request.withdraw": "申请人撤回",
  "request.public-submit-limited": "在线申请过于频繁",
  "request.public-track-failed": "查询码错误",
  "request.public-track-limited": "查询过于频繁",
  // background work
  "mail.send": "发送邮件",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The entity types audit entries point at (for the record link and the filter). */
export const AUDIT_ENTITY_TYPES = {
  User: "用户",
  Department: "部门",
  Category: "栏目",
  SiteSetting: "网站设置",
  CalendarDay: "工作日历",
  CalendarRegion: "日历地区",
  CalendarYear: "年度日历",
  Permission: "权限",
  DisclosureItem: "公开信息",
  StructuredRecord: "结构化信息",
  DisclosureApplication: "依申请公开案件",
  Job: "后台任务",
  Mail: "邮件",
} as const;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPES;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
