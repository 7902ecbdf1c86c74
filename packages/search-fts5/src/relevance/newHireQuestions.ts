import type { RelevanceQuestion } from './handbookQuestions';

/** What makes a question hard for a search engine; every question has one. */
export type QuestionKind =
  | 'everyday'
  | 'coined'
  | 'short'
  | 'misspelled'
  | 'topic'
  | 'question'
  | 'section';

/** A new-hire question with the handbook page(s) that answer it and, for long pages, the section. */
export interface NewHireQuestion extends RelevanceQuestion {
  readonly kind: QuestionKind;
  /** The heading (as written in the page) of the section that answers it, when one does. */
  readonly section?: string;
}

const perks = 'benefits-pay-perks/benefits-perks';
const pay = 'benefits-pay-perks/pay-expenses';
const comms = 'company-info-and-process/communication';
const dev = 'departments/engineering/dev';
const peopleOps = 'departments/people-talent/people-ops';
const people = 'departments/people-talent';
const techOps = 'departments/tech-ops';
const security = 'departments/security';
const policies = 'company-info-and-process/policies';
const growth = 'company-info-and-process/working-at-sourcegraph/teammate-development';

/** For tuning the ranking: change ranking code only while looking at these (and the older 38). */
export const newHireTuningQuestions: readonly NewHireQuestion[] = [
  {
    kind: 'everyday',
    query: 'called up to serve on a jury next month',
    expected: [`${perks}/time-off/index.md`],
  },
  {
    kind: 'everyday',
    query: "I'm quitting, when do I get my final pay",
    expected: [`${peopleOps}/process/leaving.md`],
    section: 'When will I receive my last paycheck for time worked?',
  },
  {
    kind: 'everyday',
    query: 'I got married and my surname is different now',
    expected: [`${peopleOps}/process/name-changes.md`],
  },
  {
    kind: 'everyday',
    query: 'a hurricane damaged my house',
    expected: [`${people}/emergency-support.md`],
  },
  {
    kind: 'everyday',
    query: 'I have a chronic illness and need adjusted hours',
    expected: [`${people}/ada.md`],
  },
  {
    kind: 'everyday',
    query: 'a coworker made a creepy remark to me',
    expected: ['company-info-and-process/respectful-workplace-policy.md', `${comms}/convercent.md`],
  },
  {
    kind: 'everyday',
    query: 'email from the boss asking me to buy gift cards',
    expected: [`${techOps}/process/internal-security/phishing-spoofing.md`],
  },
  {
    kind: 'everyday',
    query: 'can I keep my old work Mac when it gets replaced',
    expected: [`${techOps}/process/buyback.md`],
  },
  { kind: 'coined', query: 'Hone classes', expected: [`${people}/learning-and-development.md`] },
  { kind: 'coined', query: 'Convercent anonymous hotline', expected: [`${comms}/convercent.md`] },
  {
    kind: 'coined',
    query: 'what does a quick stamp mean on a PR',
    expected: [`${dev}/process/pull-requests.md`],
  },
  {
    kind: 'coined',
    query: 'Humans of Sourcegraph',
    expected: ['company-info-and-process/mentorship/index.md', 'team/org_chart.md'],
  },
  {
    kind: 'coined',
    query: 'Jamf enrollment',
    expected: [`${techOps}/tools/endpoint-antivirus.md`],
  },
  {
    kind: 'coined',
    query: 'program where you follow the CEO around',
    expected: ['departments/ceo-team/ceo-shadow-program.md'],
  },
  {
    kind: 'coined',
    query: 'engineers on rotation for customer escalations',
    expected: [`${dev}/process/escalation-engineer-rotation.md`],
  },
  { kind: 'coined', query: 'Cody SPIFF', expected: [`${pay}/compensation/fy24-cody-spiff.md`] },
  { kind: 'short', query: 'OOO auto reply', expected: [`${perks}/time-off/index.md`] },
  {
    kind: 'short',
    query: 'FMLA',
    expected: [`${perks}/leave-of-absence.md`, `${perks}/parental-leave.md`],
  },
  { kind: 'short', query: 'I-9 documents', expected: [`${peopleOps}/tools/people-ops-faqs.md`] },
  {
    kind: 'short',
    query: 'eNPS',
    expected: [`${peopleOps}/process/teammate-sentiment/pulse-survey.md`],
  },
  {
    kind: 'short',
    query: 'MFA YubiKey',
    expected: [`${security}/knowledge-base/yubikey-faq.md`, `${techOps}/tools/Okta/main.md`],
  },
  {
    kind: 'short',
    query: 'COBRA',
    expected: [`${peopleOps}/process/leaving.md`, `${perks}/benefits.md`],
  },
  { kind: 'short', query: 'GCP access', expected: [`${dev}/process/gcp_access_process.md`] },
  { kind: 'short', query: 'L&D', expected: [`${people}/learning-and-development.md`] },
  {
    kind: 'misspelled',
    query: 'bakground check',
    expected: [`${people}/background-check-policy.md`],
  },
  {
    kind: 'misspelled',
    query: 'okta verfiy not working',
    expected: [
      `${techOps}/tools/Okta/okta-verify-troubleshooting-steps.md`,
      `${techOps}/tools/Okta/main.md`,
    ],
  },
  {
    kind: 'misspelled',
    query: 'harrassment training',
    expected: [`${growth}/training/compliance/preventing-harassment-and-discrimination.md`],
  },
  {
    kind: 'misspelled',
    query: 'new hire welcom kit',
    expected: [`${people}/swag.md`, `${perks}/celebrate.md`],
  },
  {
    kind: 'misspelled',
    query: 'pronouns in my profle',
    expected: ['company-info-and-process/personal-pronouns.md'],
  },
  {
    kind: 'misspelled',
    query: 'equity refesh grant',
    expected: [`${people}/equity-refresh-program.md`],
  },
  {
    kind: 'misspelled',
    query: 'remote hackaton',
    expected: ['company-info-and-process/remote/remote_hackathons.md'],
  },
  {
    kind: 'misspelled',
    query: 'anti-brbery policy',
    expected: [`${peopleOps}/process/anti-corruption.md`],
  },
  {
    kind: 'topic',
    query: 'internal transfer process',
    expected: ['company-info-and-process/working-at-sourcegraph/switching-teams.md'],
  },
  {
    kind: 'topic',
    query: 'acceptable use policy',
    expected: [`${policies}/acceptable-use-policy.md`],
  },
  {
    kind: 'topic',
    query: 'outside employment and side projects',
    expected: [`${people}/outside-employment.md`],
  },
  {
    kind: 'topic',
    query: 'submitting a bug report',
    expected: ['departments/engineering/submitting-a-bug-report.md'],
  },
  {
    kind: 'topic',
    query: 'career frameworks',
    expected: ['company-info-and-process/working-at-sourcegraph/career-frameworks.md'],
  },
  {
    kind: 'topic',
    query: 'vulnerability management policy',
    expected: [
      `${dev}/policies/vulnerability-management-policy.md`,
      `${security}/vulnerability-management-process.md`,
    ],
  },
  { kind: 'topic', query: 'backporting', expected: [`${dev}/tools/backport.md`] },
  {
    kind: 'topic',
    query: 'how to be a tech lead',
    expected: ['departments/engineering/tech-lead.md'],
  },
  {
    kind: 'question',
    query: 'how do I set up Okta on my first day',
    expected: [`${techOps}/tools/Okta/okta-activation-steps.md`, `${techOps}/tools/Okta/main.md`],
  },
  {
    kind: 'question',
    query: 'can I do my work on my own personal computer',
    expected: [`${techOps}/tools/computer-setup.md`],
  },
  {
    kind: 'question',
    query: 'how do I find someone to mentor me',
    expected: ['company-info-and-process/mentorship/index.md'],
  },
  {
    kind: 'question',
    query: 'how do I add a signature to my gmail',
    expected: [`${people}/resources-for-new-hires/new-teammate-setup.md`],
  },
  {
    kind: 'question',
    query: 'can I get an alias for my work email',
    expected: [`${people}/email-changes.md`],
  },
  {
    kind: 'question',
    query: 'how do I fix a typo on a handbook page',
    expected: ['handbook/editing/edit-a-single-file.md', 'handbook/editing/index.md'],
  },
  {
    kind: 'question',
    query: 'how do I get access to an app that is not in my Okta dashboard',
    expected: [`${techOps}/process/application_access_request.md`, `${techOps}/tools/Okta/main.md`],
  },
  {
    kind: 'question',
    query: 'what do people announce when someone joins or gets promoted',
    expected: [`${comms}/announcements.md`],
  },
  {
    kind: 'section',
    query: 'set an out of office reply in gmail',
    expected: [`${perks}/time-off/index.md`],
    section: 'Adding an OOO alert in Gmail',
  },
  {
    kind: 'section',
    query: 'monthly allowance for internet and cell phone',
    expected: [`${perks}/spending-company-money.md`, `${pay}/expenses/index.md`],
    section: 'Recurring expenses',
  },
  {
    kind: 'section',
    query: 'which currency rate is used for my salary',
    expected: [`${pay}/compensation/index.md`],
    section: 'Exchange rates',
  },
  {
    kind: 'section',
    query: 'food budget per day on a work trip',
    expected: [`${perks}/travel/index.md`],
    section: 'Dining expenses:',
  },
  {
    kind: 'section',
    query: 'does our insurance work when I am overseas',
    expected: [`${perks}/benefits.md`],
    section: 'Q. Do our health benefits cover us while traveling internationally?',
  },
  {
    kind: 'section',
    query: 'how long does a formal coaching plan last',
    expected: [`${growth}/addressing-underperformance.md`],
    section: 'How long does formal coaching typically last?',
  },
  {
    kind: 'section',
    query: 'do I send my laptop back when I leave',
    expected: [`${peopleOps}/process/leaving.md`],
    section: 'Do I need to return my equipment?',
  },
  {
    kind: 'section',
    query: 'taking more than two weeks off in a row',
    expected: [`${perks}/time-off/index.md`],
    section: 'PTO ground rules:',
  },
];

/**
 * Held out: never tuned on, never changed (a test checks its digest). Written together with the
 * tuning half and split by alternation within each kind.
 */
export const newHireTestQuestions: readonly NewHireQuestion[] = [
  {
    kind: 'everyday',
    query: 'help paying for trying to get pregnant',
    expected: [`${people}/family-support.md`],
  },
  {
    kind: 'everyday',
    query: 'my laptop screen cracked',
    expected: [`${techOps}/tools/computer-setup.md`, `${perks}/spending-company-money.md`],
  },
  {
    kind: 'everyday',
    query: 'I want to live in Portugal next year',
    expected: [`${peopleOps}/process/moving.md`],
  },
  {
    kind: 'everyday',
    query: 'does the company pay my home broadband bill',
    expected: [`${pay}/expenses/index.md`, `${perks}/spending-company-money.md`],
  },
  {
    kind: 'everyday',
    query: 'my manager and I keep butting heads',
    expected: [`${comms}/conflicts.md`],
  },
  {
    kind: 'everyday',
    query: 'the bank wants proof of my job for a mortgage',
    expected: [
      `${peopleOps}/process/employment_verification.md`,
      `${peopleOps}/tools/people-ops-faqs.md`,
    ],
  },
  {
    kind: 'everyday',
    query: 'renting a desk at a shared office near home',
    expected: [`${perks}/spending-company-money.md`, `${perks}/index.md`],
  },
  {
    kind: 'everyday',
    query: 'doing freelance gigs on weekends',
    expected: [`${people}/outside-employment.md`],
  },
  { kind: 'coined', query: 'Maven care advocate', expected: [`${people}/family-support.md`] },
  {
    kind: 'coined',
    query: 'logging in to Tilt for my leave',
    expected: [`${perks}/leave-of-absence.md`, `${perks}/parental-leave.md`],
  },
  {
    kind: 'coined',
    query: 'buildchecker locked the main branch',
    expected: [`${dev}/process/incidents/playbooks/ci.md`],
  },
  {
    kind: 'coined',
    query: 'Loop & Tie gifts',
    expected: [`${perks}/celebrate.md`, `${peopleOps}/tools/internal-swag.md`],
  },
  {
    kind: 'coined',
    query: 'the survey that asks how happy people are at work',
    expected: [`${peopleOps}/process/teammate-sentiment/pulse-survey.md`],
  },
  {
    kind: 'coined',
    query: 'where engineers show the whole company what they built',
    expected: ['departments/engineering/demo-day.md'],
  },
  { kind: 'coined', query: 'golinks', expected: [`${comms}/index.md`] },
  {
    kind: 'coined',
    query: 'see my salary band in Assemble',
    expected: [`${pay}/compensation/index.md`],
  },
  { kind: 'short', query: 'PIP', expected: [`${growth}/addressing-underperformance.md`] },
  { kind: 'short', query: 'ADA accommodation', expected: [`${people}/ada.md`] },
  { kind: 'short', query: 'CLA', expected: [`${dev}/process/contributor-license-agreement.md`] },
  {
    kind: 'short',
    query: 'PEO EOR',
    expected: [
      `${peopleOps}/process/how-we-engage-talent-outside-the-us/deel.md`,
      `${peopleOps}/process/how-we-engage-talent-outside-the-us/index.md`,
    ],
  },
  { kind: 'short', query: 'HSA FSA', expected: [`${perks}/benefits.md`] },
  {
    kind: 'short',
    query: 'QLE',
    expected: [`${perks}/benefits.md`],
    section:
      'Q. How do I make changes to my insurance in the case of a qualifying life event (QLE)?',
  },
  {
    kind: 'short',
    query: 'SOC 2 laptop monitoring',
    expected: [`${techOps}/process/team_device_usage_privacy.md`],
  },
  { kind: 'short', query: 'AWS CLI MFA', expected: [`${security}/knowledge-base/AWS-CLI-MFA.md`] },
  {
    kind: 'misspelled',
    query: 'relocaton to another country',
    expected: [`${peopleOps}/process/moving.md`],
    section: 'Cross-border moves',
  },
  {
    kind: 'misspelled',
    query: 'pasword manager',
    expected: [`${techOps}/process/internal-security/passwords.md`],
  },
  {
    kind: 'misspelled',
    query: 'emplyment verification letter',
    expected: [
      `${peopleOps}/process/employment_verification.md`,
      `${peopleOps}/tools/people-ops-faqs.md`,
    ],
  },
  {
    kind: 'misspelled',
    query: 'mentership program',
    expected: ['company-info-and-process/mentorship/index.md'],
  },
  {
    kind: 'misspelled',
    query: 'exersise options after I leave',
    expected: [`${pay}/compensation/equity-faq.md`, `${peopleOps}/process/leaving.md`],
  },
  {
    kind: 'misspelled',
    query: 'impact reveiw timeline',
    expected: [`${peopleOps}/process/teammate-sentiment/impact-reviews/index.md`],
  },
  {
    kind: 'misspelled',
    query: 'asyncronous communication',
    expected: [`${comms}/asynchronous-communication.md`],
  },
  { kind: 'misspelled', query: 'zoom closed captoins', expected: [`${comms}/zoom.md`] },
  {
    kind: 'topic',
    query: 'secret sharing policy',
    expected: [`${security}/secret-sharing-policy.md`],
  },
  {
    kind: 'topic',
    query: 'data management policy',
    expected: [`${policies}/data-management-policy.md`],
  },
  { kind: 'topic', query: 'Google Drive sharing', expected: [`${techOps}/tools/drive.md`] },
  {
    kind: 'topic',
    query: 'business continuity and disaster recovery',
    expected: [`${policies}/business-continuity-policy.md`],
  },
  {
    kind: 'topic',
    query: 'culture meetings',
    expected: [`${peopleOps}/process/teammate-sentiment/culture-meetings.md`],
  },
  { kind: 'topic', query: 'customer ethics', expected: [`${comms}/customer_ethics.md`] },
  {
    kind: 'topic',
    query: 'exit survey',
    expected: [`${peopleOps}/process/teammate-sentiment/exit-survey.md`],
  },
  { kind: 'topic', query: 'cryptography policy', expected: [`${security}/cryptography-policy.md`] },
  {
    kind: 'question',
    query: "where can I find the company's mailing address and tax ID",
    expected: ['company-info-and-process/about-sourcegraph/general-office-info.md'],
  },
  {
    kind: 'question',
    query: 'is it safe to bring my work laptop on a trip overseas',
    expected: [`${techOps}/process/internal-security/traveling.md`],
  },
  {
    kind: 'question',
    query: 'what should I expect before and after my first day',
    expected: [`${peopleOps}/process/onboarding.md`, `${people}/resources-for-new-hires/index.md`],
  },
  {
    kind: 'question',
    query: "how can I record a zoom call when I'm not the host",
    expected: [`${comms}/zoom.md`],
  },
  {
    kind: 'question',
    query: 'where do I report a security hole I found in the product',
    expected: [`${security}/reporting-vulnerabilities.md`],
  },
  {
    kind: 'question',
    query: 'am I allowed to paste customer data into an AI chatbot',
    expected: [`${policies}/data-sharing.md`],
  },
  {
    kind: 'question',
    query: 'how can I preview my handbook edits on my machine',
    expected: ['handbook/editing/run-a-local-preview.md'],
  },
  {
    kind: 'section',
    query: 'how often do we get a new laptop',
    expected: [`${perks}/spending-company-money.md`],
    section: 'Laptop refresh',
  },
  {
    kind: 'section',
    query: 'how long are slack messages kept',
    expected: [`${comms}/team_chat.md`],
    section: 'Slack retention policy',
  },
  {
    kind: 'section',
    query: 'paying a babysitter while I am at a team offsite',
    expected: [`${perks}/travel/index.md`],
    section: 'Dependent care budget:',
  },
  {
    kind: 'section',
    query: 'what laptop do engineers get',
    expected: [`${perks}/spending-company-money.md`],
    section: 'Engineering team laptops:',
  },
  {
    kind: 'section',
    query: 'is there disability insurance',
    expected: [`${perks}/benefits.md`],
    section: 'Q. Does Sourcegraph offer short term disability and long term disability?',
  },
  {
    kind: 'section',
    query: 'who qualifies for a raise in the review cycle',
    expected: [`${peopleOps}/process/teammate-sentiment/impact-reviews/index.md`],
    section: 'Who is eligible for a review/compensation increase?',
  },
  {
    kind: 'section',
    query: 'slack channels everyone has to join',
    expected: [`${comms}/team_chat.md`],
    section: 'Mandatory channels for all teammates',
  },
];
