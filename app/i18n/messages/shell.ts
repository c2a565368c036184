/** Strings of the site's shell (issue 15): the header's menus, the route announcer's skip link and the footer. */
export const zh = {
  "shell.nav.more": "更多",
  "shell.nav.menu": "菜单",
  "shell.group.jobSearch": "我的求职",
  "shell.group.organization": "本单位",
  "shell.group.services": "就业服务与登记",
  "shell.group.training": "培训",
  "shell.group.administration": "系统管理",
  "shell.group.public": "公共信息",

  "shell.account.menu": "我的账户",
  "shell.settings.menu": "语言与显示",
  "shell.settings.otherLanguage": "Language",
  "shell.settings.otherLanguageLang": "en",
  "shell.prefs.easyRead": "易读模式",

  "shell.skipToResults": "跳到搜索结果",

  "shell.footer.label": "网站信息",
  "shell.footer.accessibilityStatement": "无障碍声明",
  "shell.footer.privacy": "隐私政策",
  "shell.footer.contact": "联系我们",
  "shell.footer.feedback": "意见反馈",
  "shell.footer.helpline": "全国残疾人服务热线：",
  "shell.footer.accessibilityLine": "本站可以用键盘和读屏软件操作，并提供大字、高对比度和易读模式。",
  "shell.footer.accessibilityMore": "测试情况、已知问题和反馈方式",
} as const;
