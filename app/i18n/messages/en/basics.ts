/** English strings of basics.ts: every key of the Chinese catalog (the type checker enforces it). A file of its own so the browser loads one language. */
import type { zh } from "../basics";

export const en: Record<keyof typeof zh, string> = {
  "basics.toc": "On this page",
  "basics.helpline": "12385",

  // --- accessibility statement -------------------------------------------------------------------------------------
  "basics.a11y.title": "Accessibility statement",
  "basics.a11y.description":
    "Qiancheng's accessibility statement: the standard the site aims for, how we test it, the problems we know about, and how to tell us about a barrier.",
  "basics.a11y.lead":
    "We want everyone to be able to use Qiancheng, including people with visual, hearing, speech, physical, intellectual and psychosocial disabilities. This statement sets out the standard we aim for, how we test, the problems we know about, and how to tell us when something gets in your way.",

  "basics.a11y.standard.title": "The standard we aim for",
  "basics.a11y.standard.text":
    "The site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA and the national standard GB/T 37668-2019, Information technology — Accessibility requirements and testing methods for web content, and to provide accessible information services as the Barrier-Free Environment Construction Law of the People's Republic of China requires.",
  "basics.a11y.standard.status":
    "The site partially meets these standards: our automated checks require every page they visit to be free of violations, but there are still the shortcomings listed under \"Known problems\" below.",

  "basics.a11y.use.title": "What you can do on this site",
  "basics.a11y.use.keyboard": "Do everything with a keyboard alone, always able to see where you are (the focus). Every page starts with a \"Skip to main content\" link.",
  "basics.a11y.use.screenReader":
    "Pages have a clear heading structure and named regions; every form field has a text label; when something is wrong, a list of all the errors at the top of the page links to each one.",
  "basics.a11y.use.noScript": "Register, sign in, look for work, apply for vacancies and sign up for job fairs with JavaScript turned off.",
  "basics.a11y.use.zoom":
    "Zoom to 200%, or use a phone 320 pixels wide: the content rearranges itself so you never have to scroll the whole page sideways; wide data tables scroll sideways within the table.",
  "basics.a11y.use.time": "Fill in forms without any time limit. The site uses no CAPTCHAs.",
  "basics.a11y.use.language": "Read everything in Chinese or English.",

  "basics.a11y.modes.title": "Three display modes",
  "basics.a11y.modes.text":
    "Turn these on or off at the top of any page, without signing in. They stay on for this device, and once you sign in they are saved with your account as well.",
  "basics.a11y.modes.largeText": "Large text",
  "basics.a11y.modes.largeText.text": "All text is about 1.3 times larger, and pages rearrange to fit.",
  "basics.a11y.modes.highContrast": "High contrast",
  "basics.a11y.modes.highContrast.text": "White text on black with yellow links; checkboxes, radio buttons and buttons are just as clear.",
  "basics.a11y.modes.easyRead": "Easy read",
  "basics.a11y.modes.easyRead.text":
    "Short sentences, one idea per line, words beside every icon, and the most important button first. Job search, vacancy pages, applying, job fairs and registration have an easy-read version.",

  "basics.a11y.testing.title": "How we test",
  "basics.a11y.testing.automated":
    "Automated tests: after every change to the site, automated tests go through the main tasks of job seekers, employers and staff in the Chromium browser, and check every page state they reach (including error messages) with axe against the WCAG 2.0, 2.1 and 2.2 level A and AA rules, in Chinese and English and in every display mode. A single violation fails the tests.",
  "basics.a11y.testing.noScript": "Without JavaScript: the main tasks are run again in a browser with JavaScript turned off.",
  "basics.a11y.testing.keyboard": "Keyboard: the automated tests check the \"Skip to main content\" link and, on some pages, where the keyboard focus lands after an action.",
  "basics.a11y.testing.manual":
    "Manual checks: in December 2026 we went through the main pages of every kind of user as a newcomer would, with Lighthouse, the W3C Nu Html Checker, the keyboard alone, a 320-pixel-wide screen and 200% zoom, and improved the navigation, the forms and the pages on phones as a result.",

  "basics.a11y.known.title": "Known problems",
  "basics.a11y.known.screenReaders":
    "Screen readers: we have not yet had screen reader users test the site systematically with NVDA or the screen readers built into Android and iPhone. The pages follow the standards, but there may still be things that are awkward to use.",
  "basics.a11y.known.charts": "Charts: the charts on the statistics pages are images. Each has a text summary beside it and a data table after it; use the table for exact figures.",
  "basics.a11y.known.userContent":
    "Text written by others: vacancy descriptions, job fair details and the like are written by employers and staff. We ask them to state accommodations and places clearly, but we cannot promise that every text is plain and simple.",
  "basics.a11y.known.downloads":
    "Downloads: statistics reports and disclosure lists can be downloaded as Excel or CSV files. They have header rows, but we have not yet checked each one for how well it works with a screen reader.",
  "basics.a11y.known.signLanguage": "Sign language: the site has no sign language videos yet. Deaf people who need help can contact us in writing through the feedback form.",
  "basics.a11y.known.easyRead": "Easy read: only the pages listed above have an easy-read version so far.",

  "basics.a11y.report.title": "Tell us about a barrier",
  "basics.a11y.report.text":
    "If anything on this site gets in your way, please tell us: which page, what you were trying to do, and what device or assistive software you use. You do not need to sign in.",
  "basics.a11y.report.link": "Report an accessibility problem",
  "basics.a11y.report.phone": "You can also call the national disability services hotline",
  "basics.a11y.report.response":
    "If you leave your contact details, we reply within 5 working days. If a problem cannot be fixed quickly, we will tell you another way to get what you need done, for example with help from staff at an employment service.",

  "basics.a11y.about.title": "About this statement",
  "basics.a11y.about.reviewed": "This statement was last reviewed on {date}. When the site changes substantially, we check it again and update this statement.",

  // --- privacy notice ----------------------------------------------------------------------------------------------
  "basics.privacy.title": "Privacy notice",
  "basics.privacy.description":
    "How Qiancheng handles your personal information: what it collects, why, who can see it, how long it is kept, and your rights under the Personal Information Protection Law to see, correct, delete and download it.",
  "basics.privacy.lead":
    "This notice explains what personal information Qiancheng collects about you, why, who can see it, how long it is kept, and your rights under the Personal Information Protection Law of the People's Republic of China.",
  "basics.privacy.updated": "Last updated: {date}",

  "basics.privacy.controller.title": "Who is responsible for your information",
  "basics.privacy.controller.text":
    "Qiancheng is provided by the Guizhou Disabled Persons' Federation (\"the federation\"), which is the handler of the personal information on this site. If you have a question about this notice, or want to use any of the rights below, send us feedback online or call 12385.",
  "basics.privacy.controller.contact": "Contact us",

  "basics.privacy.collect.title": "What we collect",
  "basics.privacy.collect.account": "Your account",
  "basics.privacy.collect.account.text":
    "Mobile number or email address, password (only as a one-way hash that cannot be turned back into the password), role (job seeker, employer or staff), language and display mode.",
  "basics.privacy.collect.profile": "Job seeker profile (filled in by you)",
  "basics.privacy.collect.profile.text":
    "Name, ID number, sex and date of birth, registered and current place of residence, urban or rural, education and graduation, skills and certificates, the workplace accommodations you need, tasks you cannot do, the work and pay you are looking for, and your family's circumstances (such as a family with no one in work, a family on minimum living support, or a registered poor household).",
  "basics.privacy.collect.disability": "Disability information",
  "basics.privacy.collect.disability.text":
    "Disability category, disability grade and disability certificate number. This is sensitive personal information (Personal Information Protection Law, article 28).",
  "basics.privacy.collect.applications": "Applications and employment",
  "basics.privacy.collect.applications.text":
    "The vacancies you applied for, what you wrote to the employer, what you chose to share with them, the accommodations you need at interview, and after a hire the employment record (contract length, social insurance, monthly pay).",
  "basics.privacy.collect.services": "Employment service records",
  "basics.privacy.collect.services.text":
    "Your individual employment plan, service records, capability assessments and real-name checks kept by your employment counselor; records of training, job fairs, skills competitions and business support; and the messages between you and your counselor.",
  "basics.privacy.collect.employers": "Employers' information",
  "basics.privacy.collect.employers.text":
    "Organization name, unified social credit code, address and contact person, and the list of disabled employees in the annual disability employment quota declaration.",
  "basics.privacy.collect.security": "Security records",
  "basics.privacy.collect.security.text":
    "Sign-in and registration attempts (time and network address), and the audit log: who looked at or changed someone else's information, and when.",
  "basics.privacy.collect.feedback": "Feedback",
  "basics.privacy.collect.feedback.text":
    "What you wrote, the page it is about, the contact details you left and the language you used; if you were signed in, which account sent it.",
  "basics.privacy.collect.cookies": "Cookies",
  "basics.privacy.collect.cookies.text":
    "Only three cookies the site needs: whether you are signed in, your language and your display mode. There are no advertising or analytics cookies and no third-party tracking code.",

  "basics.privacy.why.title": "Why we collect it",
  "basics.privacy.why.matching":
    "To find vacancies that suit you: the accommodations you need, the tasks you cannot do, your skills, places and pay are used to decide whether a vacancy fits. Disability category and grade are never used to filter or rank vacancies or job seekers.",
  "basics.privacy.why.certificates":
    "To check documents: your ID number and disability certificate number are checked against each other (the first 18 characters of a certificate number are the ID number), and one number cannot be used by two accounts, so no one can use yours.",
  "basics.privacy.why.quota":
    "For the employment quota and statistics: after a hire, the employer counts disabled employees by grade for its quota; the federation keeps the province's figures on the employment of disabled people.",
  "basics.privacy.why.services": "For employment services: your counselor makes a plan with you, suggests vacancies and follows up on how you are doing.",
  "basics.privacy.why.security": "For security: to limit password guessing and abuse, and to notice and look into unusual access.",
  "basics.privacy.why.feedback": "To improve the service: to read and answer feedback.",

  "basics.privacy.basis.title": "Legal basis and your consent",
  "basics.privacy.basis.consent": "By registering and filling in your profile, you consent to our handling the information you give for the purposes above.",
  "basics.privacy.basis.sensitive":
    "Disability information needs your separate consent (article 29): before your disability category, grade and certificate number are saved, you must tick to agree, and we record when you did. Registered poor household status also needs its own consent.",
  "basics.privacy.basis.discoverable": "Letting employers find your anonymous profile is off until you turn it on; it is your choice.",
  "basics.privacy.basis.perApplication": "Each time you apply for a vacancy, you choose what to share with that employer, separately for every application.",
  "basics.privacy.basis.staff":
    "The records that counselors and federation staff keep while providing employment services, reviewing and compiling statistics are needed for the federation to carry out its duties in employment services for disabled people. Family members' information is recorded only with the family's consent.",

  "basics.privacy.who.title": "Who can see your information",
  "basics.privacy.who.you": "You: you can see and change everything in your profile.",
  "basics.privacy.who.employers": "Employers:",
  "basics.privacy.who.employers.discoverable":
    "If you turn on \"Let employers find me\", employers see only your anonymous profile: the accommodations you need, your skills, education, the county or district you live in and your graduation year. They do not see your name, ID number, certificate number, disability category or grade, mobile number or email.",
  "basics.privacy.who.employers.apply":
    "When you apply, that employer sees your anonymous profile and whatever you chose to share in that application (name, contact details, disability category and grade, certificate number). Note that sharing your certificate number also shares your ID number. If you withdraw the application, the employer no longer sees what you shared.",
  "basics.privacy.who.employers.hire":
    "After a hire: if you shared your disability or certificate number in that application, the employment record keeps your disability grade, to count you toward the employer's quota.",
  "basics.privacy.who.counselors":
    "Employment counselors: your own counselor can see and change your profile (including disability information), make a plan with you and record services. Counselors and admins of your area see basic details such as your name when assigning people to counselors.",
  "basics.privacy.who.admins":
    "Federation admins: admins of your area (province, prefecture or county) see what their work needs when they verify employers, run job fairs, review quota declarations and compile the real-name statistics — for example names on a statistics list, or the accommodations requested when signing up for a job fair.",
  "basics.privacy.who.feedback": "Feedback: only the provincial federation's admins see it, and contact details are used only to reply.",
  "basics.privacy.who.audit":
    "Audit: whenever anyone other than you opens your profile or disability information, or sees you on a list, we record who, when and why. You can see these records (with the role of whoever it was) on your \"My data\" page.",
  "basics.privacy.who.noSale":
    "We do not sell your personal information or use it for advertising, and we do not give it to any organization outside the platform except where laws or administrative regulations require it.",

  "basics.privacy.keep.title": "How long we keep it",
  "basics.privacy.keep.account": "Your account and profile: until you delete your account. Accounts that are not used are not deleted automatically at present.",
  "basics.privacy.keep.deletion":
    "When a job seeker deletes their account: the account, profile, sessions, notifications, employment plan and service records, training and job fair sign-ups, and messages with the counselor are deleted at once. Employers' application and employment records are no longer linked to you, and what you wrote and chose to share in them is deleted; employment records remain for quota counting and statistics. Feedback you sent is kept, but no longer linked to your account.",
  "basics.privacy.keep.otherAccounts": "Employer and staff accounts: these cannot yet be closed on the site; please contact us to close one.",
  "basics.privacy.keep.sessions": "Sign-in sessions: they end by themselves after 30 days without use.",
  "basics.privacy.keep.noLimit":
    "Records of sign-in and registration attempts, the audit log and feedback: no retention period has been set yet. The audit log has to be kept so that it can later be established who looked at your information. We will update this notice once retention periods are set.",

  "basics.privacy.rights.title": "Your rights",
  "basics.privacy.rights.signIn": "You need to be signed in to use the pages below. We reply to any request you make within 5 working days.",
  "basics.privacy.rights.access":
    "See and copy (article 45): the \"My data\" page lists everything Qiancheng holds about you, and you can download it as an Excel or JSON file, which you can also pass on to another service.",
  "basics.privacy.rights.access.profile": "My profile",
  "basics.privacy.rights.access.export": "My data",
  "basics.privacy.rights.correct":
    "Correct and complete (article 46): change your profile at any time. If something your counselor or an employer recorded is wrong, tell your counselor or contact us.",
  "basics.privacy.rights.delete": "Delete (article 47): job seekers can delete their own account.",
  "basics.privacy.rights.delete.link": "Delete my account",
  "basics.privacy.rights.withdraw":
    "Withdraw consent (article 15): withdrawing consent for your disability information deletes the category, grade and certificate number; you can turn off \"Let employers find me\" at any time; and withdrawing an application stops that employer seeing what you shared in it. Withdrawing does not affect what was done before.",
  "basics.privacy.rights.withdraw.disability": "Disability information",
  "basics.privacy.rights.withdraw.visibility": "Let employers find me",
  "basics.privacy.rights.explain": "Ask for an explanation (article 48): if you have questions about how we handle your information, you can ask us to explain.",

  "basics.privacy.complain.title": "Complaints",
  "basics.privacy.complain.text":
    "If you are unhappy with how we handle your personal information, tell us through the feedback form or by calling 12385. If you are not satisfied with our answer, you can complain to or report it to the authorities responsible for personal information protection, such as the cyberspace administration (article 65), or take the matter to a people's court (article 50).",
  "basics.privacy.complain.link": "Send feedback",

  "basics.privacy.security.title": "How we protect your information",
  "basics.privacy.security.text":
    "Passwords are stored as argon2id hashes and sessions only as one-way hashes; every page and action checks permissions first; sign-in and registration attempts are limited; and every time someone else views your sensitive information it is recorded in the audit log.",

  "basics.privacy.changes.title": "Changes to this notice",
  "basics.privacy.changes.text": "When this notice changes, we update this page and the date it was last updated.",

  // --- contact -----------------------------------------------------------------------------------------------------
  "basics.contact.title": "Contact us",
  "basics.contact.description":
    "How to reach Qiancheng and the Guizhou Disabled Persons' Federation: the national disability services hotline 12385, feedback online, and your employment counselor.",
  "basics.contact.lead": "If you have a problem using Qiancheng, or need help with finding work, you can reach us in these ways.",

  "basics.contact.phone.title": "By phone",
  "basics.contact.phone.name": "National disability services hotline",
  "basics.contact.phone.text":
    "12385 is the nationwide hotline for disabled people, run by the disabled persons' federations. Ask about work, training, rehabilitation, education or your rights, or tell them about difficulties you have using Qiancheng.",

  "basics.contact.online.title": "Online",
  "basics.contact.online.text":
    "If phoning is difficult, or you want to tell us about a problem on a particular page, fill in the feedback form — no need to sign in. If you leave your contact details, we reply within 5 working days.",
  "basics.contact.online.link": "Send feedback",

  "basics.contact.counselor.title": "Your employment counselor",
  "basics.contact.counselor.named": "Your employment counselor is {name}. You can send them a message on your employment plan page.",
  "basics.contact.counselor.unnamed": "You have an employment counselor. You can send them a message on your employment plan page.",
  "basics.contact.counselor.link": "Message your counselor",
  "basics.contact.counselor.none":
    "You do not have an employment counselor yet. If you would like one-to-one help finding work, call 12385 or ask at the employment service of your local disabled persons' federation.",

  "basics.contact.inPerson.title": "In person",
  "basics.contact.inPerson.text":
    "Qiancheng is provided by the employment services of the Guizhou Disabled Persons' Federation. The employment service centres of the prefecture federations, and the county and district federations, can all help in person: ask questions, register as a job seeker or apply for employment services. Call 12385 for local addresses and opening hours.",
  "basics.contact.inPerson.institutions": "Training bases, supported employment institutions, blind massage institutions and others designated by the federation are listed in the",
  "basics.contact.inPerson.institutionsLink": "register of designated employment institutions",

  // --- feedback form -----------------------------------------------------------------------------------------------
  "basics.feedback.title": "Feedback",
  "basics.feedback.description":
    "Tell us about accessibility barriers, problems or ideas you have while using Qiancheng. No need to sign in; if you leave contact details, we reply within 5 working days.",
  "basics.feedback.lead": "Tell us about any barrier, problem or idea you have while using Qiancheng. You do not need to sign in, and a member of staff reads every message.",
  "basics.feedback.phone": "Rather talk to someone? Call the national disability services hotline",
  "basics.feedback.signedIn": "You are signed in, so this feedback will be saved with your account.",
  "basics.feedback.kind": "What are you telling us about?",
  "basics.feedback.kind.barrier": "An accessibility barrier: something you cannot use, such as a screen reader not reading it, the keyboard not working, or text you cannot see well",
  "basics.feedback.kind.problem": "A problem: something went wrong, or you do not know how to do something",
  "basics.feedback.kind.suggestion": "An idea or suggestion",
  "basics.feedback.kind.other": "Something else",
  "basics.feedback.page": "Which page is it about?",
  "basics.feedback.page.hint": "We have filled in the address of the page you came from. You can also describe the page in words, for example \"job search\". Leave it empty if you are not sure.",
  "basics.feedback.page.hintEmpty": "The name or address of the page, for example \"job search\". Leave it empty if you are not sure.",
  "basics.feedback.message": "What happened?",
  "basics.feedback.message.hint": "For example: what you wanted to do, what went wrong, and what device or assistive software you use. Up to 2,000 characters.",
  "basics.feedback.contact": "Your mobile number or email address",
  "basics.feedback.contact.hint": "If you would like a reply, leave your contact details. We use them only to reply to this feedback.",
  "basics.feedback.privacy": "How we handle your feedback and contact details is explained in our",
  "basics.feedback.privacyLink": "privacy notice",
  "basics.feedback.submit": "Send feedback",

  "basics.sent.title": "Feedback received",
  "basics.sent.description": "Your feedback has been received.",
  "basics.sent.reference": "Reference number",
  "basics.sent.referenceHint": "If you phone us about it, give this number to the person you speak to.",
  "basics.sent.next": "What happens next",
  "basics.sent.reply": "A member of staff will read your feedback and reply within 5 working days, using the contact details you left.",
  "basics.sent.noReply":
    "You did not leave contact details, so we cannot reply to you, but a member of staff reads every message. If you would like a reply, send another message with your contact details, or call 12385.",
  "basics.sent.back": "Go back to the page you were on",
  "basics.sent.another": "Send more feedback",
  "basics.sent.home": "Go to the home page",

  "basics.err.kindRequired": "Choose what you are telling us about",
  "basics.err.messageRequired": "Tell us what happened",
  "basics.err.messageLong": "Your message can be up to 2,000 characters; please shorten it",
  "basics.err.pageLong": "The page can be described in up to 300 characters",
  "basics.err.contactFormat": "Enter a mobile or phone number or an email address, for example 13812345678 or name@example.com",
  "basics.err.contactLong": "Contact details can be up to 100 characters",
  "basics.err.tooManyAnonymous":
    "A lot of feedback has just been sent. Please try again at {time} (in about {minutes} minutes), sign in and send it, or call 12385.",
  "basics.err.tooManyFromAccount": "You have sent a lot of feedback in the last hour. Please try again at {time} (in about {minutes} minutes), or call 12385.",
  "basics.err.statusRequired": "Choose how it was handled",
  "basics.err.responseRequired": "Write a note of what was done",
  "basics.err.responseLong": "The note can be up to 2,000 characters",
  "basics.err.notFound": "This feedback cannot be found",

  // --- handling feedback (admins) ----------------------------------------------------------------------------------
  "basics.admin.nav": "Feedback",
  "basics.admin.title": "Handling feedback",
  "basics.admin.lead":
    "Feedback sent from any page of the site, handled by the provincial federation. Our promise: if contact details were left, we reply within 5 working days. Pass anything that belongs to a prefecture on to its federation, and say so in the note.",
  "basics.admin.filter.status": "Status",
  "basics.admin.filter.all": "All ({count})",
  "basics.admin.filter.new": "New ({count})",
  "basics.admin.filter.answered": "Answered ({count})",
  "basics.admin.filter.closed": "Closed ({count})",
  "basics.admin.list": "Feedback",
  "basics.admin.count": "{total} in all, newest first.",
  "basics.admin.empty": "No feedback with this status.",
  "basics.admin.col.received": "Received",
  "basics.admin.col.status": "Status",
  "basics.admin.col.contact": "Contact details left",
  "basics.admin.yes": "Yes",
  "basics.admin.no": "No",
  "basics.admin.overdue": " (over 5 working days)",
  "basics.admin.open": "Open feedback {reference}",

  "basics.status.new": "New",
  "basics.status.answered": "Answered",
  "basics.status.closed": "Closed",
  "basics.kind.barrier": "Accessibility barrier",
  "basics.kind.problem": "Problem",
  "basics.kind.suggestion": "Suggestion",
  "basics.kind.other": "Other",
  "basics.locale.zh-CN": "Chinese",
  "basics.locale.en": "English",

  "basics.item.title": "Feedback {reference}",
  "basics.item.back": "Back to the feedback list",
  "basics.item.details": "The feedback",
  "basics.item.received": "Received",
  "basics.item.kind": "Kind",
  "basics.item.page": "Page",
  "basics.item.none": "Not given",
  "basics.item.message": "Message",
  "basics.item.contact": "Contact details",
  "basics.item.noContact": "No contact details left, so no reply is possible.",
  "basics.item.sender": "Sent by",
  "basics.item.anonymous": "A visitor who was not signed in",
  "basics.item.signedIn": "A signed-in user ({role})",
  "basics.item.language": "Language used",
  "basics.item.status": "Status",
  "basics.item.handled": "Last handled",
  "basics.item.handledBy": "{name}, {time}",
  "basics.item.handledByUnknown": "{time}",
  "basics.item.response": "Note",
  "basics.item.audited": "Opening this feedback is recorded in the audit log.",
  "basics.item.saved": "Saved.",
  "basics.item.form": "Handle this feedback",
  "basics.item.form.status": "Outcome",
  "basics.item.form.answered": "Answered: we replied using the contact details left",
  "basics.item.form.closed": "Closed: no reply needed, or none possible",
  "basics.item.form.response": "Note",
  "basics.item.form.response.hint": "Write what you replied, what was done, or why it is closed. Up to 2,000 characters.",
  "basics.item.form.submit": "Save",
};
