/**
 * The catalogue of triage rules: a stable id per rule, when it fires, what it concludes and the
 * sources it rests on. triage.ts applies them in this order (first match wins); the denial detail and
 * docs/denials.md show them. Research-aware rules come first: they use what the compliance engine
 * knows of the charge (calendar designation, qualifying status, device study, Medicare Advantage
 * enrolment), which a generic billing system does not.
 */
import { DENIAL_SOURCES as S, type Source } from './sources.ts';

export interface TriageRule {
  readonly id: string;
  readonly title: string;
  readonly firesWhen: string;
  readonly concludes: string;
  readonly sources: readonly Source[];
}

/** The triage rules in the order triage.ts applies them. */
export const TRIAGE_RULES = [
  {
    id: 'SPONSOR-ITEM',
    title: 'Research item billed to insurance',
    firesWhen: 'The denied line matches a calendar row the coverage analysis designates SPONSOR (or INVESTIGATIONAL in a non-qualifying study), whatever the reason code.',
    concludes: 'Sponsor vs insurance; move the line to the sponsor invoice. Never appeal: billing insurance for what the sponsor pays is a False Claims Act risk.',
    sources: [S.UF_RC, S.UMC_EPIC, S.FCA, S.UKY_CA],
  },
  {
    id: 'NOT-BILLABLE',
    title: 'Item supplied or promised free',
    firesWhen: 'The denied line matches a NOT_BILLABLE calendar row, or one the consent form promises free.',
    concludes: 'Sponsor vs insurance; write off (nobody may be billed for it).',
    sources: [S.UF_RC, S.MIAMI_NB],
  },
  {
    id: 'MA-ROUTING',
    title: 'Medicare Advantage enrollee of a qualifying drug/non-IDE trial',
    firesWhen: 'The subject is a Medicare Advantage enrollee in a qualifying trial without an IDE, and the MA plan denied a routine line (whatever the reason and remarks, a missing NCT number included) or answered CO-109 or CO-22; or the MAC answered CO-109.',
    concludes: 'From the MA plan: rebill Original Medicare (the MAC pays routine costs; the plan only pays the cost-sharing difference). From the MAC: resubmit with Q1, Z00.6 and the NCT number so the MAC recognises the trial claim.',
    sources: [S.HN_MA, S.OHSU_MA, S.CR8401, S.SBR09],
  },
  {
    id: 'TRIAL-NUMBER',
    title: 'Clinical-trial or IDE number missing',
    firesWhen: 'A remark code MA50 or MA128 accompanies the denial (usually CO-16 + MA50 + MA130).',
    concludes: 'Protocol; add the 8-digit NCT number (837 loop 2300 REF*P4) or the IDE number (REF*LX) and submit a new claim. No appeal rights.',
    sources: [S.CGS_B, S.FCSO_16, S.CR8401, S.CGS_IDE],
  },
  {
    id: 'TRIAL-APPROVAL',
    title: 'Study approval not recognised',
    firesWhen: 'A remark code M61 (trial approval period ended) or MA123 (site not selected for the study) accompanies the denial.',
    concludes: 'Protocol; appeal with the current IDE/CMS approval or site participation documents.',
    sources: [S.OEMR_RARC, S.HIGHMARK_IDE],
  },
  {
    id: 'UNPROCESSABLE',
    title: 'Unprocessable claim',
    firesWhen: 'The reason is CARC 16, or a remark says the decision cannot be appealed (MA130, N211).',
    concludes: 'Documentation; correct what the remarks name and submit a new claim (no appeal rights).',
    sources: [S.FCSO_16, S.XIFIN_RARC],
  },
  {
    id: 'MA-DEVICE',
    title: 'Medicare Advantage enrollee of an IDE device study',
    firesWhen: 'The subject is a Medicare Advantage enrollee in a device (IDE) study and the MAC answered CO-109, or the MA plan denied the claim.',
    concludes: 'The MA plan (not the MAC) is responsible for covered IDE-study claims: rebill the MA plan, or appeal the plan\'s denial. [Manual text not verified]',
    sources: [S.WILL_MA, S.HIGHMARK_IDE],
  },
  {
    id: 'WRONG-PAYER',
    title: 'Not this payer\'s claim',
    firesWhen: 'The reason is CARC 109, outside the Medicare Advantage cases above.',
    concludes: 'Coordination of benefits; bill the payer or contractor the remark names (N104: another Medicare contractor).',
    sources: [S.OEMR_CARC, S.OEMR_RARC],
  },
  {
    id: 'TIMELY-FILING',
    title: 'Filed after the time limit',
    firesWhen: 'The reason is CARC 29: the time limit for filing has expired.',
    concludes: 'Timely filing; write off unless proof of timely submission exists (then appeal with it). Research charges held for review are the usual cause: release them sooner (TF-19).',
    sources: [S.FCSO_16, S.OEMR_CARC],
  },
  {
    id: 'COB',
    title: 'Another payer is primary',
    firesWhen: 'The reason is CARC 22 (another payer may be primary) or 276 (denied by the prior payer).',
    concludes: 'Coordination of benefits; bill the primary payer, then this one with the primary\'s remittance.',
    sources: [S.OEMR_CARC],
  },
  {
    id: 'INVESTIGATIONAL-ITEM',
    title: 'Investigational item of a qualifying trial',
    firesWhen: 'The line matches an INVESTIGATIONAL (Q0) calendar row, the payer is Medicare or Medicare Advantage, and the reason is a coverage one (50, 55, 56, 96, 114, 188, 204, 272, A1).',
    concludes: 'Protocol; appeal: since 2007 Medicare covers the investigational item when it is covered outside the trial, and an IDE Category B device may be covered.',
    sources: [S.HHS_CTP, S.HIGHMARK_IDE, S.NOR_Q0],
  },
  {
    id: 'INVESTIGATIONAL-EXCLUDED',
    title: 'Investigational item denied by a non-Medicare payer',
    firesWhen: 'The line matches an INVESTIGATIONAL calendar row and a commercial (or other non-Medicare) payer denied it for a coverage reason.',
    concludes: 'Sponsor vs insurance; PHSA §2709 excludes the investigational item itself from required coverage: invoice the sponsor when the budget prices the item, else write off.',
    sources: [S.PHSA2709, S.MYPOLICYHUB],
  },
  {
    id: 'ROUTINE-COST',
    title: 'Routine cost of a qualifying trial denied',
    firesWhen: 'The line matches a SOC or CONDITIONAL calendar row of a qualifying trial and the reason is a coverage one (50, 55, 56, 96, 114, 188, 204, 272, A1).',
    concludes: 'Protocol; appeal: under NCD 310.1 for Medicare and Medicare Advantage, under PHSA §2709 for commercial plans; the line is a routine cost, not the investigational item or data collection.',
    sources: [S.NCD, S.UF_RC, S.UMD_QCT, S.PHSA2709, S.MYPOLICYHUB],
  },
  {
    id: 'CONVENTIONAL-CARE',
    title: 'Conventional care in a non-qualifying study',
    firesWhen: 'The line matches a SOC or CONDITIONAL row of a non-qualifying study and the reason is a coverage one.',
    concludes: 'Coverage; appeal on medical necessity as for any patient (conventional care stays billable as if the patient were not enrolled).',
    sources: [S.UKY_CA],
  },
  {
    id: 'BY-REASON-CODE',
    title: 'Reading of the reason code',
    firesWhen: 'No rule above applies (no trial context, or a reason the study facts do not change).',
    concludes: 'The default category and action of the reason code (docs/denials.md lists them).',
    sources: [S.OEMR_CARC, S.OEMR_RARC, S.XIFIN_RARC],
  },
] as const satisfies readonly TriageRule[];

export type TriageRuleId = (typeof TRIAGE_RULES)[number]['id'];

const BY_ID = new Map<string, TriageRule>(TRIAGE_RULES.map((rule) => [rule.id, rule]));

/** The rule with this id (throws on an unknown id: ids are stable and stored). */
export function triageRuleById(id: string): TriageRule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown triage rule ${id}`);
  return rule;
}
