/**
 * Strings of the federation's security page (/admin/security, issue 12): tries to save an ID or certificate number
 * that belongs to another account. English must have every key (the type checker enforces it).
 */
export const zh = {
  "nav.security": "安全事件",

  "security.title": "安全事件",
  "security.lead":
    "最近 {days} 天内，有账户试图保存已属于其他账户的身份证号或残疾人证号的记录，范围是{region}（试图保存的账户或号码所属的账户在此区域）。这可能是有人在查探某人是否在本平台注册，也可能是某人的证件被他人冒用。请核实并跟进。",
  "security.limits":
    "平台只告诉试图保存的人“这个号码无法保存”，不说明号码已被谁注册。每个账户每天最多 {perAccount} 次、每个网络地址每天最多 {perIp} 次这样的尝试，超过后暂时不能保存新的证件号码。",
  "security.audited": "您查看此页面会被记录在审计日志中。",
  "security.list": "证件号码冲突",
  "security.count": "共 {total} 条，最新的在前。",
  "security.empty": "最近 {days} 天内没有这类记录。",
  "security.col.at": "时间",
  "security.col.account": "试图保存的账户",
  "security.col.field": "证件",
  "security.col.number": "号码（只显示前 4 位和后 4 位）",
  "security.col.region": "账户现居住地",
  "security.col.ip": "网络地址",
  "security.col.tries": "该账户 {days} 天内的次数",
  "security.field.id_number": "身份证号",
  "security.field.certificate_number": "残疾人证号",
  "security.account.deleted": "账户已注销",
  "security.account.noName": "未填写姓名",
  "security.none": "未填写",
} as const;
