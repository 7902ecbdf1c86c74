/** A question a new hire types, and the handbook pages (paths) that answer it. */
export interface RelevanceQuestion {
  readonly query: string;
  readonly expected: readonly string[];
}

const perks = 'benefits-pay-perks/benefits-perks';
const pay = 'benefits-pay-perks/pay-expenses';
const comms = 'company-info-and-process/communication';
const dev = 'departments/engineering/dev';

/** Written by reading the handbook; each answer was checked by hand. */
export const handbookQuestions: readonly RelevanceQuestion[] = [
  { query: 'how do I request time off', expected: [`${perks}/time-off/index.md`] },
  { query: 'PTO policy', expected: [`${perks}/time-off/index.md`] },
  {
    query: 'which public holidays do we get',
    expected: ['company-info-and-process/working-at-sourcegraph/holidays.md'],
  },
  { query: 'how do I submit an expense', expected: [`${pay}/expenses/index.md`] },
  {
    query: 'can I expense a desk for my home office',
    expected: [`${perks}/spending-company-money.md`, 'company-info-and-process/remote/tips.md'],
  },
  { query: 'parental leave', expected: [`${perks}/parental-leave.md`] },
  { query: 'how many weeks of paid parental leeve', expected: [`${perks}/parental-leave.md`] },
  {
    query: 'how do stock options work',
    expected: [`${pay}/compensation/equity-faq.md`, `${pay}/compensation/equity-timing.md`],
  },
  {
    query: 'when is my stock option grant calculated',
    expected: [`${pay}/compensation/equity-timing.md`],
  },
  { query: 'does the company match my 401k', expected: [`${perks}/benefits.md`] },
  { query: 'health insurance for my family', expected: [`${perks}/benefits.md`] },
  {
    query: 'mental health support therapy',
    expected: [`${perks}/mental-health/index.md`, `${perks}/mental-health/modern-health.md`],
  },
  {
    query: 'how do I book flights for a team offsite',
    expected: [`${perks}/travel/Navan.md`, `${perks}/travel/index.md`],
  },
  { query: 'what are the job levels', expected: [`${pay}/compensation/leveling-guide.md`] },
  { query: '1-1 meetings with my manager', expected: [`${comms}/1-1.md`] },
  { query: 'how do we use slack', expected: [`${comms}/team_chat.md`] },
  { query: 'code of conduct', expected: [`${comms}/code_of_conduct.md`] },
  { query: 'how to write an RFC', expected: [`${comms}/rfcs/index.md`] },
  { query: 'giving feedback to a teammate', expected: [`${comms}/seeking-and-giving-feedback.md`] },
  { query: 'onboarding buddy', expected: ['departments/people-talent/buddy-program.md'] },
  {
    query: 'glossary of internal terms',
    expected: ['company-info-and-process/onboarding/glossary.md'],
  },
  { query: 'how do I send an invoice as a contractor', expected: [`${pay}/invoices.md`] },
  {
    query: 'software engineer onboarding',
    expected: [`${dev}/onboarding/software-engineer-onboarding.md`],
  },
  { query: 'what does on-call involve', expected: [`${dev}/process/incidents/on_call.md`] },
  { query: 'how do we handle an incident', expected: [`${dev}/process/incidents/index.md`] },
  {
    query: 'deploy a code change to dotcom',
    expected: ['departments/engineering/teams/devops/deploy-code-change.md'],
  },
  { query: 'major release procedure', expected: [`${dev}/process/releases/procedure.md`] },
  { query: 'tips for working remotely', expected: ['company-info-and-process/remote/tips.md'] },
  { query: 'when is the company meeting', expected: [`${comms}/company_meeting.md`] },
  {
    query: 'how are compensation changes approved',
    expected: [`${pay}/compensation/compensation-change-approvals.md`],
  },
  { query: 'medical leave of absense', expected: [`${perks}/leave-of-absence.md`] },
  { query: 'can I work while travelling abroad', expected: [`${perks}/nomad-life.md`] },
  { query: 'how do retrospectives work', expected: [`${comms}/retrospectives.md`] },
  {
    query: 'information security policy',
    expected: ['company-info-and-process/policies/information-security-policy.md'],
  },
  { query: 'do we celebrate birthdays', expected: [`${perks}/celebrate.md`] },
  { query: 'engineering interview process', expected: [`${dev}/hiring/index.md`] },
  { query: 'pay transparency', expected: [`${pay}/compensation/index.md`] },
  {
    query: 'submitting expenses through deel',
    expected: [`${pay}/expenses/expenses-through-deel.md`],
  },
];
