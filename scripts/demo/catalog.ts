/**
 * The procedure codes the demo uses: name, how the hospital bills them (facility line on the UB-04,
 * professional line on the CMS-1500, or both with modifier 26 on the interpretation) and gross
 * chargemaster amounts. Amounts are invented but of realistic size for a US academic hospital.
 */
import type { ClaimType } from '../../shared/domain/codes.ts';

/** How a code turns into charge lines. */
export type BillingPattern =
  /** One facility line (labs, infusions, drugs, devices). */
  | 'facility'
  /** Facility technical line + professional line with modifier 26 (imaging, echo, pathology). */
  | 'split26'
  /** Facility line + surgeon's professional line, no 26 (procedures in a hospital). */
  | 'surgical'
  /** One professional line (E/M, intra-procedural guidance). */
  | 'professional';

export interface CodeInfo {
  readonly name: string;
  readonly pattern: BillingPattern;
  /** UB-04 revenue code of the facility line. */
  readonly revenue: string | null;
  /** Facility charge in cents (per unit for drugs). */
  readonly facilityCents: number;
  /** Professional charge in cents. */
  readonly professionalCents: number;
  /** Units billed, min..max (drugs are billed per dose unit). */
  readonly units?: readonly [number, number];
}

const lab = (name: string, revenue: string, dollars: number): CodeInfo => ({ name, pattern: 'facility', revenue, facilityCents: dollars * 100, professionalCents: 0 });
const split = (name: string, revenue: string, facility: number, professional: number): CodeInfo => ({
  name,
  pattern: 'split26',
  revenue,
  facilityCents: facility * 100,
  professionalCents: professional * 100,
});
const prof = (name: string, dollars: number): CodeInfo => ({ name, pattern: 'professional', revenue: null, facilityCents: 0, professionalCents: dollars * 100 });
const drug = (name: string, unitCents: number, units: readonly [number, number]): CodeInfo => ({
  name,
  pattern: 'facility',
  revenue: '0636',
  facilityCents: unitCents,
  professionalCents: 0,
  units,
});

export const CATALOG: Readonly<Record<string, CodeInfo>> = {
  // Laboratory
  '80053': lab('Comprehensive metabolic panel', '0301', 212),
  '80048': lab('Basic metabolic panel', '0301', 156),
  '85025': lab('Complete blood count with automated differential', '0305', 98),
  '85610': lab('Prothrombin time (PT/INR)', '0305', 64),
  '80061': lab('Lipid panel', '0301', 145),
  '84443': lab('Thyroid stimulating hormone (TSH)', '0301', 168),
  '83880': lab('Natriuretic peptide (NT-proBNP)', '0301', 285),
  '80299': lab('Quantitation of drug, not elsewhere specified (PK sample)', '0301', 240),
  '84132': lab('Potassium, serum', '0301', 48),
  '83735': lab('Magnesium', '0301', 62),
  '82565': lab('Creatinine, blood', '0301', 54),
  '36415': lab('Routine venipuncture', '0300', 28),
  '81003': lab('Urinalysis, automated, without microscopy', '0300', 36),
  // Imaging, echo, pathology (technical + interpretation)
  '71260': split('CT chest with contrast', '0350', 2450, 285),
  '74177': split('CT abdomen and pelvis with contrast', '0350', 3980, 420),
  '78815': split('PET/CT imaging, skull base to mid-thigh', '0404', 6850, 610),
  '70553': split('MRI brain without and with contrast', '0611', 4200, 395),
  '71046': split('Chest X-ray, 2 views', '0324', 310, 48),
  '75574': split('CT angiography, heart and coronary arteries, with 3D imaging', '0350', 3150, 420),
  '93306': split('Transthoracic echocardiogram, complete, with Doppler', '0483', 2150, 310),
  '93312': split('Transesophageal echocardiogram', '0483', 2680, 365),
  '93458': split('Left heart catheterization with coronary angiography', '0481', 9800, 1150),
  '88305': split('Surgical pathology, tissue examination, level IV', '0312', 420, 145),
  // Facility procedures
  '96413': { name: 'Chemotherapy IV infusion, up to 1 hour', pattern: 'facility', revenue: '0335', facilityCents: 118_000, professionalCents: 0 },
  '96417': { name: 'Chemotherapy IV infusion, each additional sequential drug', pattern: 'facility', revenue: '0335', facilityCents: 52_000, professionalCents: 0 },
  '96375': { name: 'Therapeutic IV push, each additional sequential drug', pattern: 'facility', revenue: '0260', facilityCents: 26_500, professionalCents: 0 },
  '96360': { name: 'IV hydration, initial hour', pattern: 'facility', revenue: '0260', facilityCents: 42_000, professionalCents: 0 },
  '93000': { name: 'Electrocardiogram, 12-lead, with interpretation', pattern: 'facility', revenue: '0730', facilityCents: 14_000, professionalCents: 0 },
  '94618': { name: 'Six-minute walk test', pattern: 'facility', revenue: '0460', facilityCents: 24_500, professionalCents: 0 },
  '93224': { name: 'Holter monitor, 48 hours, with interpretation', pattern: 'facility', revenue: '0731', facilityCents: 61_000, professionalCents: 0 },
  C1889: { name: 'Implantable device, not otherwise classified (study device)', pattern: 'facility', revenue: '0278', facilityCents: 3_850_000, professionalCents: 0 },
  // Drugs (billed per HCPCS dose unit)
  J9045: drug('Carboplatin, 50 mg', 4_200, [11, 15]),
  J9305: drug('Pemetrexed, 10 mg', 5_850, [80, 105]),
  J2405: drug('Ondansetron, 1 mg', 620, [8, 16]),
  J1100: drug('Dexamethasone sodium phosphate, 1 mg', 310, [8, 12]),
  J9999: drug('Velarimab (investigational), not otherwise classified', 742_000, [1, 1]),
  // Procedures in the hospital (facility + surgeon)
  '33418': { name: 'Transcatheter mitral valve repair, percutaneous, initial device', pattern: 'surgical', revenue: '0360', facilityCents: 8_600_000, professionalCents: 340_000 },
  '32408': { name: 'Core needle biopsy, lung, with imaging guidance', pattern: 'surgical', revenue: '0361', facilityCents: 360_000, professionalCents: 62_000 },
  // Professional services
  '99205': prof('New patient office visit, high complexity', 445),
  '99204': prof('New patient office visit, moderate complexity', 340),
  '99215': prof('Established patient office visit, high complexity', 365),
  '99214': prof('Established patient office visit, moderate complexity', 265),
  '99213': prof('Established patient office visit, low complexity', 185),
  '99223': prof('Initial hospital inpatient care, high complexity', 410),
  '99238': prof('Hospital discharge day management', 190),
  '93355': prof('Transesophageal echo guidance for transcatheter structural intervention', 780),
};

export function codeInfo(cpt: string): CodeInfo {
  const info = CATALOG[cpt];
  if (!info) throw new Error(`demo catalog has no code ${cpt}`);
  return info;
}

/** The lines one service produces: claim type, whether it is the interpretation (26), amount. */
export function billingLines(cpt: string): { claimType: ClaimType; mod26: boolean; revenue: string | null; cents: number }[] {
  const info = codeInfo(cpt);
  const facility = { claimType: 'INSTITUTIONAL' as const, mod26: false, revenue: info.revenue, cents: info.facilityCents };
  const professional = { claimType: 'PROFESSIONAL' as const, mod26: info.pattern === 'split26', revenue: null, cents: info.professionalCents };
  switch (info.pattern) {
    case 'facility':
      return [facility];
    case 'professional':
      return [professional];
    case 'split26':
    case 'surgical':
      return [facility, professional];
  }
}
