/**
 * Topics of notifications by name, and the one-click unsubscribe page that every email links to (issue 17).
 * English must have every key (the type checker enforces it).
 */
export const zh = {
  "notifications.topic.applications": "申请进展",
  "notifications.topic.invitations": "岗位邀请和推荐",
  "notifications.topic.interviews": "面试、招聘会和培训",
  "notifications.topic.alerts": "岗位提醒",
  "notifications.topic.messages": "消息",

  "unsubscribe.title": "退订邮件",
  "unsubscribe.lead": "您将不再通过电子邮件收到“{topic}”类通知。这类通知仍会显示在网站的“通知”页面中，其他类别的邮件和短信不受影响。",
  "unsubscribe.submit": "退订此类邮件",
  "unsubscribe.done.title": "已退订",
  "unsubscribe.done.text": "您已退订“{topic}”类邮件。这类通知仍会显示在网站的“通知”页面中。",
  "unsubscribe.preferences": "管理全部通知设置",
  "unsubscribe.notFound.title": "找不到这个退订链接",
  "unsubscribe.notFound.text": "链接可能不完整。请从邮件中完整复制链接，或登录后在通知设置中选择接收方式。",
} as const;
