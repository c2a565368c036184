import * as applications from "./messages/en/applications";
import * as organizations from "./messages/en/organizations";
import * as counseling from "./messages/en/counseling";
import * as counselingCaseload from "./messages/en/counseling-caseload";
import * as counselingClient from "./messages/en/counseling-client";
import * as counselingFollowup from "./messages/en/counseling-followup";
import * as declarations from "./messages/en/declarations";
import * as edge from "./messages/en/edge";
import * as events from "./messages/en/events";
import * as eventsAdmin from "./messages/en/events-admin";
import * as eventsPublic from "./messages/en/events-public";
import * as levy from "./messages/en/levy";
import * as quota from "./messages/en/quota";
import * as search from "./messages/en/search";
import * as security from "./messages/en/security";
import * as employmentRecords from "./messages/en/employment-records";
import * as realname from "./messages/en/realname";
import * as statistics from "./messages/en/statistics";
import * as training from "./messages/en/training";
import * as trainingProfile from "./messages/en/training-profile";
import * as institutions from "./messages/en/institutions";
import * as entrepreneurship from "./messages/en/entrepreneurship";
import * as staffProgrammes from "./messages/en/staff-programmes";
import * as competitions from "./messages/en/competitions";
import * as shell from "./messages/en/shell";
import * as statisticsReports from "./messages/en/statistics-reports";
import * as conversation from "./messages/en/conversation";
import * as seekers from "./messages/en/seekers";
import * as accountUx from "./messages/en/account-ux";
import * as reach from "./messages/en/reach";
import * as vacancies from "./messages/en/vacancies";
import * as home from "./messages/en/home";
import * as dashboard from "./messages/en/dashboard";
import * as vacancyForm from "./messages/en/vacancy-form";
import * as easyRead from "./messages/en/easy-read";
import * as alerts from "./messages/en/alerts";
import * as basics from "./messages/en/basics";
import * as apiTokens from "./messages/en/api-tokens";
import * as interop from "./messages/en/interop";
import * as interopAdmin from "./messages/en/interop-admin";
import * as unsubscribe from "./messages/en/unsubscribe";
import * as jobsAdmin from "./messages/en/jobs-admin";
import * as opendata from "./messages/en/opendata";
import type { CoreMessageKey, MessageKey } from "./zh-CN";

const core: Record<CoreMessageKey, string> = {
  "site.name": "Qiancheng",
  "site.description": "Qiancheng is Guizhou's employment service for disabled people: find and apply for vacancies that state their accessibility, join the federation's recruitment events and training, with one-to-one help from employment counselors.",
  "site.tagline": "Employment services for disabled people in Guizhou",
  "site.skipLink": "Skip to main content",
  "site.footer.about": "Qiancheng is an open-source employment service for disabled people in Guizhou, used together by the Disabled Persons' Federation, employers and employment services.",
  "site.footer.source": "Open-source project",
  "site.titleSuffix": "Qiancheng",
  "site.errorTitlePrefix": "Error: ",

  "nav.label": "Main",
  "nav.home": "Home",
  "nav.dashboard": "My dashboard",
  "nav.account": "Account and security",
  "nav.staff": "Staff accounts",
  "nav.signIn": "Sign in",
  "nav.register": "Register",
  "nav.signOut": "Sign out",
  "nav.signedInAs": "Signed in as {name}",
  "nav.vacancies": "Find work",
  "nav.profile": "My profile",
  "nav.applications": "My applications",
  "nav.organization": "My organization",
  "nav.employerVacancies": "Vacancies",
  "nav.verification": "Verify employers",
  "nav.notifications": "Notifications",
  "nav.disclosures": "Quota disclosures",
  "nav.employerQuota": "Disability quota",
  "nav.quotaReview": "Quota declarations",
  "nav.ruleParameters": "Rule parameters",
  "nav.unread": "{count} unread",

  "role.seeker": "Job seeker",
  "role.employer": "Employer",
  "role.counselor": "Employment counselor",
  "role.admin": "Federation administrator",

  "prefs.language": "Language",
  "prefs.switchTo": "中文",
  "prefs.switchToLang": "zh-CN",
  "prefs.display": "Accessible browsing",
  "prefs.largeText": "Large text",
  "prefs.highContrast": "High contrast",
  "prefs.on": "on",
  "prefs.off": "off",
  "prefs.saved": "Display settings saved.",
  "prefs.languageSaved": "The language is now English.",

  "home.title": "Work for disabled people starts here",
  "home.lead": "Qiancheng helps disabled people and disabled graduates in Guizhou find jobs that offer the accommodations they need, and helps employers meet the disability-employment quota.",
  "home.forSeekers": "For job seekers",
  "home.forSeekers.text": "Record your skills and the accommodations you need, find vacancies that offer them, apply online and follow your applications.",
  "home.forEmployers": "For employers",
  "home.forEmployers.text": "Post vacancies that state the accommodations you offer, review applicants, and see your quota position.",
  "home.forStaff": "Employment services and the federation",
  "home.forStaff.text": "Counselors hold caseloads and write individual plans; the federation runs special recruitment events and publishes quota disclosures.",
  "home.cta.register": "Register for free",
  "home.cta.signIn": "Have an account? Sign in",


  "register.title": "Register",
  "register.lead": "Job seekers and employers register here. Counselor and administrator accounts are created by a federation administrator.",
  "register.role": "You are",
  "register.role.seeker": "A job seeker (a disabled person or disabled graduate)",
  "register.role.employer": "A recruiter for an employer",
  "register.contact": "Mobile number or email address (at least one)",
  "register.contact.hint": "Fill in at least one of the two, or both. You can sign in with either.",
  "register.phone": "Mobile number",
  "register.phone.hint": "An 11-digit mainland China mobile number, for example 13812345678.",
  "register.email": "Email address",
  "register.email.hint": "For example name@example.com.",
  "register.password": "Password",
  "register.password.hint": "At least 8 characters. Do not use a common password such as 12345678.",
  "register.confirmPassword": "Enter the password again",
  "register.submit": "Register",
  "register.haveAccount": "Already have an account?",
  "register.signInLink": "Sign in",

  "login.title": "Sign in",
  "login.identifier": "Mobile number or email address",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.noAccount": "No account yet?",
  "login.registerLink": "Register",
  "login.signedOut": "You have signed out.",
  "login.passwordChanged": "Your password has been changed. Sign in with the new password.",

  "account.title": "Account and security",
  "account.details": "Account details",
  "account.phone": "Mobile number",
  "account.email": "Email address",
  "account.role": "Role",
  "account.none": "Not given",
  "account.changePassword": "Change password",
  "account.currentPassword": "Current password",
  "account.newPassword": "New password",
  "account.newPassword.hint": "At least 8 characters and not a common password. Changing it signs you out on every other device.",
  "account.confirmNewPassword": "Enter the new password again",
  "account.changePassword.submit": "Change password",
  "account.passwordChanged": "Your password has been changed. You have been signed out on other devices.",
  "account.sessions": "Signed-in devices",
  "account.sessions.text": "You are signed in in {count} places. If you think someone else is using your account, sign out everywhere.",
  "account.signOutEverywhere": "Sign out everywhere",

  "staff.title": "Staff accounts",
  "staff.lead": "Create accounts for employment counselors and federation administrators. You can create them only for your region ({region}) and the regions within it.",
  "staff.create": "Create an account",
  "staff.role": "Account type",
  "staff.name": "Name",
  "staff.name.hint": "The staff member's real name; the people they serve will see it.",
  "staff.region": "Service region",
  "staff.region.hint": "The account can see and manage only this region and the regions within it.",
  "staff.initialPassword": "Initial password",
  "staff.initialPassword.hint": "At least 8 characters. Tell the person in a safe way and remind them to change it after signing in.",
  "staff.submit": "Create account",
  "staff.created": "Account created: {name} ({role}).",
  "staff.list": "Existing staff accounts",
  "staff.list.empty": "There are no staff accounts yet.",
  "staff.col.name": "Name",
  "staff.col.role": "Type",
  "staff.col.region": "Region",
  "staff.col.contact": "Contact",
  "staff.col.created": "Created",

  "form.errorSummary": "There is a problem with what you entered; please correct it and submit again",
  "form.errorPrefix": "Error: ",
  "form.optional": "(optional)",
  "form.required": "(required)",

  "err.required": "Fill in this field",
  "err.roleRequired": "Choose whether you are a job seeker or an employer",
  "err.contactRequired": "Enter a mobile number or an email address – at least one of them",
  "err.phoneFormat": "A mobile number has 11 digits and starts with 13 to 19, for example 13812345678",
  "err.emailFormat": "Enter an email address in the right format, for example name@example.com",
  "err.phoneTaken": "This mobile number is already registered; sign in instead",
  "err.emailTaken": "This email address is already registered; sign in instead",
  "err.phoneUnavailable": "This mobile number cannot be used to register. If you already have an account, sign in; if you have forgotten your password, contact your local Disabled Persons' Federation or your employment counselor.",
  "err.emailUnavailable": "This email address cannot be used to register. If you already have an account, sign in; if you have forgotten your password, contact your local Disabled Persons' Federation or your employment counselor.",
  "err.passwordRequired": "Enter a password",
  "err.passwordShort": "The password must have at least 8 characters",
  "err.passwordLong": "The password must have at most 128 characters",
  "err.passwordCommon": "This password is too common and easy to guess; choose another",
  "err.passwordMismatch": "The two passwords do not match",
  "err.confirmRequired": "Enter the password again",
  "err.identifierRequired": "Enter your mobile number or email address",
  "err.credentials": "The mobile number, email address or password is not correct",
  "err.tooManyAttempts": "Too many failed sign-in attempts. To protect the account, try again at {time} (in about {minutes} minutes).",
  "err.tooManyRegistrations": "Too many registrations from this address. Try again at {time} (in about {minutes} minutes).",
  "err.currentPasswordWrong": "The current password is not correct",
  "err.newPasswordSame": "The new password must differ from the current one",
  "err.nameRequired": "Enter the name",
  "err.nameLong": "The name must have at most 50 characters",
  "err.staffRoleRequired": "Choose the account type",
  "err.regionRequired": "Choose the service region",
  "err.regionOutside": "You can create accounts only for your own region and the regions within it",

  "error.notFound.title": "Page not found",
  "error.notFound.text": "The page you are looking for does not exist, or you are not allowed to see it. Check the address, or go back to the home page.",
  "error.forbidden.title": "Not allowed",
  "error.general.title": "Something went wrong",
  "error.general.text": "The server could not handle the request. Nothing you entered was saved. Please try again later; if the problem continues, contact your local Disabled Persons' Federation.",
  "error.backHome": "Back to the home page",
  "error.status": "Error code: {status}",

  "division.province": "Whole province",
};

export const en: Record<MessageKey, string> = { ...core, ...shell.en, ...seekers.en, ...accountUx.en, ...reach.en, ...organizations.en, ...vacancies.en, ...home.en, ...vacancyForm.en, ...applications.en, ...search.en, ...levy.en, ...quota.en, ...declarations.en, ...counseling.en, ...counselingCaseload.en, ...counselingClient.en, ...counselingFollowup.en, ...events.en, ...eventsAdmin.en, ...eventsPublic.en, ...edge.en, ...security.en, ...employmentRecords.en, ...realname.en, ...statistics.en, ...training.en, ...trainingProfile.en, ...institutions.en, ...entrepreneurship.en, ...staffProgrammes.en, ...competitions.en, ...statisticsReports.en, ...dashboard.en, ...easyRead.en, ...conversation.en, ...alerts.en, ...basics.en, ...unsubscribe.en, ...interopAdmin.en, ...interop.en, ...apiTokens.en, ...jobsAdmin.en, ...opendata.en, ...opendata.nationalEn };
