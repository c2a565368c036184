/** English strings of home.ts: every key of the Chinese catalog (the type checker enforces it). */
import type { zh } from "../home";

export const en: Record<keyof typeof zh, string> = {
  "home.description": "Qiancheng is Guizhou's employment service for disabled people: find vacancies that say what support they offer and apply online, and see the Disabled Persons' Federation's coming recruitment events. Job-seekers, employers and employment staff all start here.",
  "home.search.title": "Find work",
  "home.search.submit": "Search vacancies",
  "home.search.suitsMe": "Only vacancies that suit me",
  "home.search.byNeeds": "By the support I need",
  "home.open.count": "{count} vacancies are open now.",
  "home.open.all": "See all vacancies",
  "home.events.title": "Coming recruitment events",
  "home.events.none": "No recruitment events are coming up. New ones will appear here when they are published.",
  "home.events.all": "See all recruitment events",
  "home.events.online": "Online event",
  "home.audience.title": "Where to start",
  "home.audience.seeker": "Job-seekers and disabled graduates",
  "home.audience.employer": "Employers",
  "home.audience.staff": "Employment counselors and federation staff",
  "home.audience.seeker.register": "Register as a job-seeker",
  "home.audience.seeker.search": "Search vacancies",
  "home.audience.employer.register": "Register as an employer",
  "home.audience.employer.manage": "Go to your organization",
  "home.audience.employer.levy": "Work out the employment security levy",
  "home.audience.staff.signIn": "Staff sign-in",
  "home.audience.staff.dashboard": "Go to your dashboard",
};
