/**
 * The words of emails that the site's pages never show (issue 17). Server-only, so the browser's catalog does not
 * carry them; what the site shows too (a notification's sentence, a topic's name) comes from the catalog.
 * English must have every key (the type checker enforces it).
 */
export const zh = {
  subjectPrefix: "【黔程】",
  colon: "：",
  view: "查看详情",
  "alert.vacancy.text": "{organization} 发布了岗位“{vacancy}”，与您保存的搜索“{search}”相符。",
  "alert.vacancy.subject": "新岗位：{vacancy}（{organization}）",
  "digest.subject.daily": "今天有 {count} 个新岗位与您保存的搜索相符",
  "digest.subject.weekly": "本周有 {count} 个新岗位与您保存的搜索相符",
  "digest.heading.daily": "每日岗位提醒",
  "digest.heading.weekly": "每周岗位提醒",
  "digest.intro": "以下岗位与您保存的搜索相符：",
  "digest.item": "{organization}，{place}",
  "digest.all": "查看我保存的搜索",
  "footer.why": "您收到这封邮件，是因为您在黔程的通知设置中选择了用电子邮件接收“{topic}”。",
  "footer.manage": "管理通知设置",
  "footer.unsubscribe": "退订此类邮件",
} as const;

export type MailMessageKey = keyof typeof zh;

export const en: Record<MailMessageKey, string> = {
  subjectPrefix: "Qiancheng: ",
  colon: ": ",
  view: "View details",
  "alert.vacancy.text": "{organization} has published “{vacancy}”, which matches your saved search “{search}”.",
  "alert.vacancy.subject": "New vacancy: {vacancy} ({organization})",
  "digest.subject.daily": "{count} new vacancies match your saved searches today",
  "digest.subject.weekly": "{count} new vacancies match your saved searches this week",
  "digest.heading.daily": "Your daily job alert",
  "digest.heading.weekly": "Your weekly job alert",
  "digest.intro": "These vacancies match your saved searches:",
  "digest.item": "{organization}, {place}",
  "digest.all": "See your saved searches",
  "footer.why": "You are receiving this email because your Qiancheng notification settings send “{topic}” by email.",
  "footer.manage": "Manage notification settings",
  "footer.unsubscribe": "Unsubscribe from these emails",
};
