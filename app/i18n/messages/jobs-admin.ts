/**
 * Strings of the dead jobs page (/admin/jobs, issue 17, decision 018): background jobs (emails, SMS, alerts) that
 * failed after their last retry. English must have every key (the type checker enforces it).
 */
export const zh = {
  "jobs.nav": "后台任务",
  "jobs.title": "失败的后台任务",
  "jobs.lead":
    "发送邮件、短信和岗位提醒等工作在后台排队进行，失败后会按间隔自动重试。下面是重试次数用完仍然失败的任务。站内通知不受影响；排除问题（例如邮件服务器的设置）后，可以重试。",
  "jobs.queue": "队列：{kind}",
  "jobs.kind.pg-boss": "pg-boss（PostgreSQL）",
  "jobs.kind.in-process": "本进程（内置数据库）",
  "jobs.list": "失败的任务",
  "jobs.count": "共 {total} 个，最新的在前。",
  "jobs.countLimited": "共 {total} 个，这里显示最新的 {shown} 个。重试或处理后，其余的会显示出来。",
  "jobs.empty": "没有失败的任务。",
  "jobs.col.name": "任务",
  "jobs.col.failedAt": "失败时间",
  "jobs.col.createdAt": "加入队列",
  "jobs.col.runs": "运行次数",
  "jobs.col.error": "错误",
  "jobs.col.data": "数据",
  "jobs.error.none": "没有记录错误信息",
  "jobs.data.none": "无",
  "jobs.data.hidden": "（不显示）",
  "jobs.data.note": "任务数据只显示编号和技术性的值，不显示姓名、联系方式等个人信息。",
  "jobs.retry": "重试",
  "jobs.retry.label": "重试任务 {name}（{when}失败）",
  "jobs.retried": "任务已重新加入队列，将很快再运行一次。",
  "jobs.gone": "这个任务已不在失败列表中（可能已被重试或已删除）。",
} as const;
