/**
 * The sources denial triage, deadlines, appeal letters and metrics rest on: keys and addresses from
 * the domain brief (BRIEF section 9), with a short citation. Rules and metric definitions carry these
 * so the UI and docs/denials.md can show where each rule comes from.
 */
import { SOURCES as RULE_SOURCES, type Source } from '../rules/catalogue.ts';

export type { Source } from '../rules/catalogue.ts';

/** Sources by short name; the catalogue of rules shares its keys (BRIEF 9). */
export const DENIAL_SOURCES = {
  NCD: RULE_SOURCES.NCD,
  UF_RC: RULE_SOURCES.UF_RC,
  FCA: RULE_SOURCES.FCA,
  UMC_EPIC: RULE_SOURCES.UMC_EPIC,
  MIAMI_NB: RULE_SOURCES.MIAMI_NB,
  CR8401: RULE_SOURCES.CR8401,
  Z006: RULE_SOURCES.Z006,
  CGS_IDE: RULE_SOURCES.CGS_IDE,
  CGS_B: RULE_SOURCES.CGS_B,
  HN_MA: RULE_SOURCES.HN_MA,
  WILL_MA: RULE_SOURCES.WILL_MA,
  UMD_QCT: RULE_SOURCES.UMD_QCT,
  UKY_CA: RULE_SOURCES.UKY_CA,
  NOR_Q0: RULE_SOURCES.NOR_Q0,
  NOR_Q1: RULE_SOURCES.NOR_Q1,
  HHS_CTP: { key: 'HHS-CTP', cite: 'Medicare Clinical Trial Policy: since 2007 the investigational item is covered when covered outside the trial; NCDs bind MACs, QICs and ALJs', url: 'https://hhs.gov/guidance/document/medicare-clinical-trial-policy-ctp' },
  HIGHMARK_IDE: { key: 'HIGHMARK-IDE', cite: 'IDE Category A (experimental) and B (non-experimental/investigational) device coverage', url: 'http://www.highmarkmedicareservices.com/trials-ide/ide.html' },
  OHSU_MA: { key: 'OHSU-MA', cite: 'OHSU: Medicare Advantage enrollees in qualifying trials, routine costs billed to Original Medicare', url: 'https://docsbay.net/Medicare-Advantage-Clinical-Trials' },
  SBR09: { key: 'SBR09', cite: 'Claim filing indicator 16 = HMO Medicare Risk (Medicare Advantage)', url: 'https://help.chirofusionsoftware.com/knowledge/how-do-i-correct-segment-sbr09-on-my-eclaims' },
  PHSA2709: { key: 'PHSA2709', cite: 'PHSA §2709 (42 U.S.C. 300gg-8): plans may not deny routine patient costs of approved clinical trials', url: 'https://policyrisk.com/behind-the-curtain/us-code/title/42/section/300gg–8' },
  MYPOLICYHUB: { key: 'MYPOLICYHUB', cite: 'PHSA §2709 scope: approved trials, exclusions (investigational item, data collection)', url: 'https://mypolicyhub.com/aca-entry/phsa-section-2709-coverage-for-individuals-participating-in-approved-clinical-trials' },
  FCSO_16: { key: 'FCSO-16', cite: 'First Coast: CO-16 unprocessable claims have no appeal rights; correct and resubmit. Timely filing 12 months from the date of service', url: 'https://medicare.fcso.com/FAQs/Answers/267319.asp' },
  OEMR_CARC: { key: 'OEMR-CARC', cite: 'Claim adjustment reason codes (WPC list snapshot in OpenEMR)', url: 'https://github.com/openemr/openemr/blob/260dfbf/interface/billing/adjustment_reason_codes.php' },
  OEMR_RARC: { key: 'OEMR-RARC', cite: 'Remittance advice remark codes (WPC list snapshot in OpenEMR)', url: 'https://github.com/openemr/openemr/blob/1959354/interface/billing/remark_codes.php' },
  XIFIN_RARC: { key: 'XIFIN-RARC', cite: 'CARC 16/17/96/125/A1 require a RARC (CR 5634)', url: 'https://www.xifin.com/billing-beat/claim-adjustment-reason-codes-and-remittance-advice-remark-code/' },
  WPC_GROUP: { key: 'WPC-GROUP', cite: 'Claim adjustment group codes CO/PR/OA/PI', url: 'http://www.wpc-edi.com/custom_html/carc_more.htm' },
  NGS_APPEALS: { key: 'NGS-APPEALS', cite: 'NGS Medicare: levels of appeal and time limits (redetermination 120 days; reconsideration 180 days)', url: 'https://ngsmedicare.com/en/web/ngs/levels-of-appeals-and-time-limits-for-filing?selectedArticleId=2754831' },
  FCSO_APPEALS: { key: 'FCSO-APPEALS', cite: 'First Coast: Medicare appeal levels', url: 'https://medicare.fcso.com/Appeals/164098.asp' },
  CFR_405_944: { key: '42CFR405.944', cite: '42 CFR 405.944(b): contents of a redetermination request (beneficiary name, Medicare number, item/service and dates, party)', url: 'https://law.lawstack.com/laws/42-cfr_s_405-944_place-and-method-of-filing-a-request-for-a-redetermination' },
  XIFIN_REDET: { key: 'XIFIN-REDET', cite: 'Redetermination request: required elements and supporting documentation', url: 'https://xifin.com/billing-beat/change-in-the-first-level-of-appeal-redeterminations' },
  HEALTH222: { key: '222HEALTH', cite: 'MA first-level appeal: reconsideration by the plan within 60 days (secondary source, unverified)', url: 'https://222health.com/healthcare-industry/medicare/93594.html' },
  BCBSM_DOL: { key: 'BCBSM-DOL', cite: 'ERISA claims rule: at least 180 days to appeal an adverse benefit determination', url: 'https://www.bcbsm.com/agents/help/faqs/department-of-labor-faq/appeals/how-are-appeals-affected-by-dol-regulations.html' },
  URMC_LETTER: { key: 'URMC-LETTER', cite: 'What an appeal letter should contain', url: 'https://www.urmc.rochester.edu/encyclopedia/content.aspx?contenttypeid=34&contentid=20275-1' },
  HFMA_TF: { key: 'HFMA-TF', cite: 'HFMA Claim Integrity Task Force: standard denial metrics', url: 'https://www.hfma.org/topics/hfm/2021/march/hfma-claim-integrity-task-force-seeks-to-standardize-denial-metr.html' },
  MYM_TF: { key: 'MYM-TF', cite: 'Claim Integrity Task Force KPIs: initial denial rate (volume and dollars), line-level variant', url: 'https://measureyourmission.com/claims-integrity-taskforce-kpis' },
  NCQA_OVT: { key: 'NCQA-OVT', cite: 'NCQA: an appeal counts once, at request level; a partial overturn counts as overturned', url: 'https://www.ncqa.org/faqs/?faq=000026050&print=1' },
} as const satisfies Record<string, Source>;
