/**
 * The compliance rules: stable ids (other tools and reports depend on them), severity, dashboard
 * category, what fires them, why they matter with the regulation or guidance they rest on (source keys
 * and addresses from the domain brief, section 9), and what the coordinator should do.
 * docs/rules.md is generated from this table.
 */

export type Severity = 'critical' | 'warning' | 'review';
/** exposure: compliance (False Claims Act) risk; denial-risk: the claim will come back denied; leakage: revenue lost; review: needs a look. */
export type Category = 'exposure' | 'denial-risk' | 'leakage' | 'review';

export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, review: 2 };

export interface Source {
  readonly key: string;
  readonly cite: string;
  readonly url: string;
}

export const SOURCES = {
  NCD: { key: 'NCD-MCD', cite: 'Medicare NCD 310.1, Routine Costs in Clinical Trials (Pub. 100-03 §310.1)', url: 'https://www.cms.gov/medicare-coverage-database/view/ncd.aspx?ncdid=1&ncdver=2' },
  UF_RC: { key: 'UF-RC', cite: 'UF CTSI, routine costs under NCD 310.1', url: 'https://clinicalresearch.ctsi.ufl.edu/study-management/before-study-starts/coverage-analysis/routine-costs/' },
  FCA: { key: 'UF-FCA', cite: 'False Claims Act, 31 U.S.C. §3729 (billing insurance for services a sponsor paid or offered to pay)', url: 'https://clinicalresearch.ctsi.ufl.edu/resources/policies/false-claims-act-fca/' },
  MOFFITT: { key: 'AP-MOFFITT', cite: 'Moffitt Cancer Center settlement, $19.56M (2024)', url: 'https://arnoldporter.com/en/perspectives/blogs/fca-qui-notes/posts/2024/01/increased-focus-on-clinical-research-enforcement' },
  UMC_EPIC: { key: 'UMC-EPIC', cite: 'UMMC research billing: do not bill services the sponsor is already paying for', url: 'https://www.umc.edu/Research/Research-Offices/Clinical-Trials/Researchers/Road-Map/Study-Start-Up/Study-Set-Up/Research-Billing.xml' },
  MIAMI_NB: { key: 'MIAMI-NB', cite: 'U Miami OBC: costs not billable to subjects, including items promised free in the consent', url: 'http://www.obc.med.miami.edu/awareness/obc-tips/qualified-clinical-trial-cost-types-that-are-not-billable-to-subjects-' },
  NOR_Q1: { key: 'NOR-Q1', cite: 'Noridian: modifier Q1, routine clinical service in an approved study', url: 'https://med.noridianmedicare.com/web/jeb/topics/modifiers/q1' },
  NOR_Q0: { key: 'NOR-Q0', cite: 'Noridian: modifier Q0, investigational clinical service in an approved study', url: 'https://med.noridianmedicare.com/es/web/jeb/topics/modifiers/q0' },
  CR8401: { key: 'PRIME-8401', cite: 'CMS CR 8401 / MM8401: Q0/Q1 on outpatient claims, 8-digit NCT number mandatory from 01/01/2014', url: 'http://www.primeclinical.com/News/Industry_News/Clinical_Trial_Requirements.htm' },
  Z006: { key: 'MIAMI-Z', cite: 'U Miami OBC: Z00.6 and condition code 30 on qualifying clinical-trial claims', url: 'http://www.obc.med.miami.edu/awareness/obc-tips/what-does-the-z00.6-diagnosis-code-tell-the-payor-and-when-is-it-required-w' },
  IU_FAQ: { key: 'IU-FAQ', cite: 'Indiana University: Z00.6 secondary for therapeutic-trial services, primary only for healthy volunteers', url: 'https://indiana.edu/~orafaq/faq/index.php?template=standaloneFAQ&action=artikel&cat=66&id=419&artlang=en' },
  CGS_IDE: { key: 'CGS-IDE', cite: 'CGS: IDE number (REF*LX) and NCT number (REF*P4) on device-trial claims', url: 'https://www.cgsmedicare.com/parta/pubs/news/2015/0815/cope30166.html' },
  CGS_B: { key: 'CGS-B', cite: 'CGS Part B: missing clinical-trial number returned as CO-16 with MA50/MA130', url: 'https://www.cgsmedicare.com/partb/pubs/news/2014/0714/cope26238.html' },
  HN_MA: { key: 'HN-MA', cite: 'Health Net: routine costs of qualifying trials for MA enrollees are billed to Original Medicare', url: 'https://providerlibrary.healthnetcalifornia.com/medicare/provider-manual/benefits/clinical-trials/original-medicare-coverage-qualified-clinical-trials-medicare.html' },
  WILL_MA: { key: 'WILL-MA', cite: 'Medicare Managed Care Manual ch. 4 §10.7.2 (via compliancecosmos): MA plans pay for IDE-study claims [text not verified]', url: 'https://compliancecosmos.org/medicare-disadvantage-clinical-trials' },
  UMD_QCT: { key: 'UMD-QCT', cite: 'U Maryland: what makes a qualifying clinical trial', url: 'http://www.umaryland.edu:80/cct/clinical-billing-analysis/qualifying-clinical-trial/' },
  UKY_CA: { key: 'UKY-CA', cite: 'U Kentucky: non-qualifying trials, conventional care billable as if not enrolled', url: 'https://research.uky.edu/clinical-research-support-office/coverage-analysis/faq' },
  IU_ALIGN: { key: 'IU-ALIGN', cite: 'Indiana University: aligning protocol, consent, CTA and budget', url: 'https://ocr.iu.edu/document-alignment/' },
  UCONN: { key: 'UCONN-AUDIT', cite: 'UConn: audits check consent against actual patient charges', url: 'https://ovpr.uchc.edu/services/rics/octr/compliance-and-monitoring/elements-of-an-audit' },
  WASHU_INV: { key: 'WASHU-INV', cite: 'WashU OnCore: invoiceable items', url: 'https://washu.atlassian.net/wiki/spaces/OSS/pages/185827457/a.+Invoiceable+Items' },
  PHARMASEEK: { key: 'CW-PHARMASEEK', cite: 'CenterWatch: sites fail to collect about $3,500 per study; $56k un-invoiced across 16 studies', url: 'https://www.centerwatch.com/articles/24842-independent-sites-can-increase-accounting-efficiency-with-best-practices' },
  UTH_LINK: { key: 'UTH-LINK', cite: 'UT Health: research visit scheduling and billing linkage', url: 'https://uth.org/sponsored-projects-administration/manage/clinical-trialsresearch/research-visit-scheduling-billing' },
  USDM: { key: 'USDM-REPO', cite: 'CDISC USDM Timing windowLower/windowUpper (visit windows)', url: 'https://github.com/cdisc-org/usdm' },
  WASHU_PARAM: { key: 'WASHU-PARAM', cite: 'WashU OnCore: screen-failure ratio parameters', url: 'https://washu.atlassian.net/wiki/pages/diffpagesbyversion.action?originalVersion=27&pageId=185827498&revisedVersion=31' },
} as const satisfies Record<string, Source>;

export interface RuleDefinition {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
  /** Exactly when it fires (the engine's semantics, in words). */
  readonly firesWhen: string;
  /** Why it matters. */
  readonly why: string;
  /** What the coordinator should do. */
  readonly action: string;
  readonly sources: readonly Source[];
  /** Rules TrialLedger adds beyond the stable table (documented as such). */
  readonly added?: boolean;
}

const TRIAL_CODED = 'a charge matched to a SOC, CONDITIONAL or INVESTIGATIONAL item of a qualifying trial, billed to INSURANCE with payer type MEDICARE';

export const RULES: readonly RuleDefinition[] = [
  { id: 'QCT-01', title: 'Trial coding on a non-qualifying study', severity: 'warning', category: 'exposure',
    firesWhen: "The study is not a qualifying trial, yet a charge of its subject inside the study period carries modifier Q0 or Q1 or diagnosis Z00.6 (not when the same charge falls in the period of the patient's enrolment in a qualifying trial).",
    why: 'Q0/Q1 and Z00.6 attest that the claim holds costs of a qualifying clinical trial under NCD 310.1. On a non-qualifying study only conventional care is billable, as if the patient were not enrolled; the attestation is false.',
    action: 'Remove the trial coding from the claim, or correct the study record if the coverage analysis found the trial qualifying.',
    sources: [SOURCES.UMD_QCT, SOURCES.UKY_CA, SOURCES.NCD] },
  { id: 'RSH-02', title: 'Research item billed to insurance or patient', severity: 'critical', category: 'exposure',
    firesWhen: 'The matched calendar item is SPONSOR (research, paid by the sponsor) and the charge is billed to INSURANCE or PATIENT.',
    why: 'Billing a payer for a service the sponsor pays for is a false claim (treble damages per claim); Moffitt paid $19.56M in 2024 for exactly this.',
    action: 'Move the charge to the study account (bill the sponsor) and void or correct the claim; refund if already paid.',
    sources: [SOURCES.UF_RC, SOURCES.FCA, SOURCES.MOFFITT] },
  { id: 'DBL-03', title: 'Double billing: invoiced to the sponsor and billed to a payer', severity: 'critical', category: 'exposure',
    firesWhen: 'A charge billed to INSURANCE or PATIENT has the same subject, code and date of service as a sponsor invoice line.',
    why: 'The same service paid twice, by the sponsor and by the payer or patient. Billing insurance for a service the sponsor paid is a false claim.',
    action: 'Decide which party should pay; credit the sponsor or correct the claim, and refund the duplicate payment.',
    sources: [SOURCES.UMC_EPIC, SOURCES.FCA] },
  { id: 'ICF-04', title: 'Item promised free in the consent billed', severity: 'critical', category: 'exposure',
    firesWhen: 'The matched calendar item is marked promised_free (the consent promises it at no cost) and the charge is billed to INSURANCE or PATIENT.',
    why: 'The informed consent told the subject this would cost nothing; billing the subject or their insurance breaks that promise and is not billable under institutional policy.',
    action: 'Move the charge to the study account or write it off; reverse any patient statement.',
    sources: [SOURCES.MIAMI_NB, SOURCES.UCONN] },
  { id: 'FREE-05', title: 'Item the sponsor supplies free was billed', severity: 'critical', category: 'exposure',
    firesWhen: 'The matched calendar item is NOT_BILLABLE (supplied free, bill no one) and a charge exists for it, whoever it is billed to.',
    why: 'Items customarily provided free by the sponsor are not billable to Medicare under NCD 310.1; charging anyone for them is billing for something the site did not pay for.',
    action: 'Void the charge (or zero it with the free-item coding the payer requires).',
    sources: [SOURCES.UF_RC, SOURCES.NCD] },
  { id: 'MOD-08', title: 'Missing Q1 / Q0 modifier', severity: 'warning', category: 'denial-risk',
    firesWhen: `${TRIAL_CODED}, outpatient, whose modifiers lack Q1 (SOC or CONDITIONAL item) or Q0 (INVESTIGATIONAL item).`,
    why: 'Medicare requires Q1 on routine and Q0 on investigational services of qualifying trials on outpatient claims (CR 8401); without it the line is denied or paid as if not trial-related.',
    action: 'Add the modifier to the line before the claim is sent, or correct and resubmit.',
    sources: [SOURCES.NOR_Q1, SOURCES.NOR_Q0, SOURCES.CR8401] },
  { id: 'DX-09', title: 'Missing Z00.6 diagnosis', severity: 'warning', category: 'denial-risk',
    firesWhen: `${TRIAL_CODED}, whose diagnosis codes lack Z00.6.`,
    why: 'Z00.6 (secondary for therapeutic-trial services) tells Medicare the claim holds routine costs of a qualifying trial.',
    action: 'Add Z00.6 as a secondary diagnosis.',
    sources: [SOURCES.IU_FAQ, SOURCES.Z006] },
  { id: 'CC-10', title: 'Missing condition code 30', severity: 'warning', category: 'denial-risk',
    firesWhen: `${TRIAL_CODED}, on an INSTITUTIONAL claim whose condition codes lack 30.`,
    why: 'Condition code 30 (qualified clinical trial) is required on institutional claims with trial items, inpatient and outpatient.',
    action: 'Add condition code 30 to the claim.',
    sources: [SOURCES.Z006, SOURCES.CR8401] },
  { id: 'NCT-11', title: 'NCT number missing or wrong on the claim', severity: 'warning', category: 'denial-risk',
    firesWhen: `${TRIAL_CODED}, whose NCT number on the claim is not exactly the study's 8 digits.`,
    why: 'The 8-digit ClinicalTrials.gov number (837 REF*P4, without "NCT") is mandatory on qualifying-trial claims since 2014; without it Medicare returns the claim as unprocessable (CO-16, MA50/MA130).',
    action: "Put the study's 8 digits on the claim and resubmit.",
    sources: [SOURCES.CR8401, SOURCES.CGS_B] },
  { id: 'IDE-12', title: 'IDE number missing or wrong on a device-study claim', severity: 'warning', category: 'denial-risk',
    firesWhen: `${TRIAL_CODED}, in a device study, whose IDE number on the claim is not the study's IDE number.`,
    why: 'Device-trial claims must carry the 7-character IDE number (837 REF*LX); without it the claim is returned.',
    action: "Put the study's IDE number on the claim and resubmit.",
    sources: [SOURCES.CGS_IDE] },
  { id: 'MA-13', title: 'Medicare Advantage plan billed for routine trial costs', severity: 'warning', category: 'denial-risk',
    firesWhen: 'The subject is MEDICARE_ADVANTAGE in a non-device qualifying trial, and a charge matched to a SOC, CONDITIONAL or INVESTIGATIONAL item is billed to INSURANCE with payer type MEDICARE_ADVANTAGE.',
    why: 'For MA enrollees in qualifying (non-IDE) trials, routine costs are billed to Original Medicare (the MAC), not the MA plan; the plan will deny (CO-109).',
    action: 'Rebill the line to Original Medicare with the trial coding.',
    sources: [SOURCES.HN_MA, SOURCES.NCD] },
  { id: 'ALIGN-15', title: 'Coverage analysis, budget and consent disagree', severity: 'review', category: 'review',
    firesWhen: 'At set-up, per calendar row: a SOC item with a sponsor price (paid twice?), a SPONSOR item without a price (never invoiced?), or promised_free on a SOC or CONDITIONAL row (the consent contradicts the grid).',
    why: 'Coverage analysis, CTA budget and consent must designate each procedure the same way; disagreements become double billing or unbilled work later.',
    action: 'Resolve with the coverage analyst and the contracts office; amend the grid, budget or consent.',
    sources: [SOURCES.IU_ALIGN, SOURCES.UCONN] },
  { id: 'WIN-18', title: 'Service outside every visit window', severity: 'review', category: 'review',
    firesWhen: "A charge in the study period whose code is on the subject's arm calendar, but whose date falls in no visit window of that code.",
    why: 'An unscheduled or out-of-window service cannot be designated from the calendar: it may be routine care, an unscheduled research visit, or a protocol deviation.',
    action: 'Check the encounter: designate it by hand, bill accordingly, and record a deviation if needed.',
    sources: [SOURCES.USDM] },
  { id: 'INVC-20', title: 'Sponsor-paid item never invoiced', severity: 'warning', category: 'leakage',
    firesWhen: 'A COMPLETED CTMS visit has a SPONSOR calendar item with a price and no sponsor invoice line for that subject, visit and code. An item that requires pre-approval counts only when an approval exists for that subject and code on the visit date.',
    why: 'Work the sponsor owes for but was never billed; sites lose thousands per study this way.',
    action: 'Add the item to the next sponsor invoice.',
    sources: [SOURCES.WASHU_INV, SOURCES.PHARMASEEK] },
  { id: 'ENR-26', title: 'Charged to the study account outside the study', severity: 'warning', category: 'exposure',
    firesWhen: "A charge billed to STUDY outside every study period of the patient (consent to off-study), or for an MRN enrolled in no study.",
    why: 'The research account pays only for research care of enrolled subjects; anything else charged there is later invoiced to a sponsor that does not owe it.',
    action: 'Route the charge to the patient\'s insurance or self-pay account instead; check the enrolment dates.',
    sources: [SOURCES.UTH_LINK] },
  { id: 'PRE-27', title: 'Procedure needing sponsor pre-approval done without one', severity: 'warning', category: 'leakage',
    firesWhen: 'The matched calendar item requires pre-approval and there is no approval for that subject, code and date.',
    why: 'The sponsor pays for optional procedures only with its prior approval; without it the site may not be paid.',
    action: 'Obtain the approval retroactively, or treat the cost as unreimbursed.',
    sources: [SOURCES.WASHU_INV] },
  { id: 'DUP-28', title: 'Duplicate charge', severity: 'critical', category: 'exposure',
    firesWhen: 'A charge identical to an earlier one in import order (MRN, date, code, modifiers, units, amount, bill-to) under another charge id; every copy after the first fires.',
    why: 'The same service charged twice is billed twice.',
    action: 'Void the duplicate line.',
    sources: [SOURCES.UMC_EPIC] },
  { id: 'SOC-29', title: 'Routine care charged to the research account', severity: 'warning', category: 'leakage',
    firesWhen: 'The matched calendar item is SOC with no sponsor price, and the charge is billed to STUDY.',
    why: 'Routine care is billable to insurance; charging it to the study spends research money on care the sponsor does not pay for.',
    action: "Move the charge to the patient's insurance with the trial coding.",
    sources: [SOURCES.NCD, SOURCES.UF_RC] },
  { id: 'SF-30', title: 'Screen-failure fee never invoiced', severity: 'warning', category: 'leakage', added: true,
    firesWhen: 'A SCREEN_FAILED subject of a study with a SCREEN_FAILURE invoiceable item has no sponsor invoice line for that item.',
    why: 'Screen failures are invoiceable per the CTA and are among the items sites most often forget to bill.',
    action: 'Add the screen-failure fee to the next sponsor invoice (mind the CTA ratio and cap).',
    sources: [SOURCES.WASHU_PARAM, SOURCES.PHARMASEEK] },
  { id: 'DXP-31', title: 'Z00.6 as the primary diagnosis', severity: 'review', category: 'review', added: true,
    firesWhen: `${TRIAL_CODED}, where Z00.6 is the first (primary) diagnosis.`,
    why: 'Z00.6 is secondary on therapeutic-trial claims; primary only for healthy volunteers. As primary on a treated patient the claim may be denied as non-covered.',
    action: 'Put the condition treated first and Z00.6 second, unless the subject is a healthy volunteer.',
    sources: [SOURCES.IU_FAQ, SOURCES.Z006] },
  { id: 'MODX-32', title: 'Q0/Q1 where it does not belong', severity: 'warning', category: 'exposure', added: true,
    firesWhen: 'A charge carries Q0 or Q1 but is inpatient, or its patient is in no study period at all.',
    why: 'Q0/Q1 are outpatient modifiers for services of enrolled subjects in approved studies; elsewhere they misstate the claim.',
    action: 'Remove the modifier, or fix the enrolment dates if the patient was on study.',
    sources: [SOURCES.CR8401, SOURCES.NOR_Q1] },
  { id: 'MA-33', title: 'Device-study MA enrollee billed to Original Medicare', severity: 'warning', category: 'denial-risk', added: true,
    firesWhen: 'The subject is MEDICARE_ADVANTAGE in a qualifying device (IDE) study, and a charge matched to a SOC, CONDITIONAL or INVESTIGATIONAL item is billed to INSURANCE with payer type MEDICARE.',
    why: 'For IDE device studies the MA plan, not the MAC, is responsible for covered study claims (the reverse of MA-13).',
    action: 'Rebill the line to the Medicare Advantage plan.',
    sources: [SOURCES.WILL_MA] },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export type RuleId = (typeof RULES)[number]['id'];

/** The definition of a rule id; throws for an unknown id (a programming error). */
export function ruleById(id: string): RuleDefinition {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule;
}

/** The citation stored with a finding: the sources' short citations joined. */
export function citationOf(rule: RuleDefinition): string {
  return rule.sources.map((s) => `${s.cite} [${s.key}]`).join('; ');
}
