/** English strings of shell.ts: every key of the Chinese catalog (the type checker enforces it). */
import type { zh } from "../shell";

export const en: Record<keyof typeof zh, string> = {
  "shell.nav.more": "More",
  "shell.nav.menu": "Menu",
  "shell.group.jobSearch": "My job search",
  "shell.group.organization": "Our organization",
  "shell.group.services": "Services and records",
  "shell.group.training": "Training",
  "shell.group.administration": "Administration",
  "shell.group.public": "Public information",

  "shell.account.menu": "My account",
  "shell.settings.menu": "Language and display",
  "shell.settings.otherLanguage": "语言",
  "shell.settings.otherLanguageLang": "zh-CN",
  "shell.prefs.easyRead": "Easy read",

  "shell.skipToResults": "Skip to results",

  "shell.footer.label": "About this site",
  "shell.footer.accessibilityStatement": "Accessibility statement",
  "shell.footer.privacy": "Privacy notice",
  "shell.footer.contact": "Contact us",
  "shell.footer.feedback": "Feedback",
  "shell.footer.helpline": "National helpline for disabled people: ",
  "shell.footer.accessibilityLine": "You can use this site with a keyboard and a screen reader, in large text, high contrast and easy read.",
  "shell.footer.accessibilityMore": "What we tested, known problems and how to tell us",
} as const;
