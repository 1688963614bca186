/**
 * Remittance advice remark codes (RARC: MOA/MIA on the claim, LQ*HE on a line) that matter for
 * research billing [BRIEF 4.3] and those found in the sample remittances. Descriptions are our own
 * short summaries. `clinicalTrial` marks the codes payers use for trial claims: MA50 (missing trial
 * or IDE number; MACs use it for a missing NCT number too), M61, MA123, MA128 [OEMR-RARC] [CGS-B];
 * `noAppeal` marks those that close the appeal route (unprocessable claim: correct and resubmit)
 * [FCSO-16]. An 'alert' is informational and never the reason for a denial on its own.
 */

export interface RarcInfo {
  readonly code: string;
  readonly description: string;
  readonly alert?: boolean;
  readonly clinicalTrial?: boolean;
  readonly noAppeal?: boolean;
}

const r = (code: string, description: string, extra: Omit<RarcInfo, 'code' | 'description'> = {}): RarcInfo => ({ code, description, ...extra });

export const RARCS: readonly RarcInfo[] = [
  r('M15', 'Services billed separately were bundled as parts of one procedure.'),
  r('M20', 'HCPCS code missing or invalid.'),
  r('M51', 'Procedure code missing or invalid.'),
  r('M61', 'The approval period of the FDA clinical trial has ended.', { clinicalTrial: true }),
  r('M62', 'Treatment authorization code missing or invalid.'),
  r('M76', 'Diagnosis or condition missing or invalid.'),
  r('M80', 'Not covered when done in the same session or date as a service already processed.'),
  r('M86', 'Payment already made for the same or a similar procedure within the time limit.'),
  r('MA01', 'Notice of the right to appeal this decision.', { alert: true }),
  r('MA02', 'Notice of the right to appeal this determination.', { alert: true }),
  r('MA04', 'Secondary payment needs the primary payer\'s identity or payment details.'),
  r('MA18', 'Claim data also sent on to the patient\'s supplemental insurer.', { alert: true }),
  r('MA50', 'Clinical trial / Investigational Device Exemption number missing or invalid: add the NCT or IDE number and resubmit.', { clinicalTrial: true }),
  r('MA123', 'The site was not selected to take part in this study, so the services are not paid.', { clinicalTrial: true }),
  r('MA128', 'FDA approval number missing or invalid.', { clinicalTrial: true }),
  r('MA130', 'Unprocessable: information missing or invalid; no appeal, submit a corrected new claim.', { noAppeal: true }),
  r('N4', 'Prior insurer\'s explanation of benefits missing or invalid.'),
  r('N14', 'Paid by contract, fee schedule or maximum allowable amount.'),
  r('N19', 'Procedure is incidental to the main procedure.'),
  r('N20', 'Not payable together with another service on the same date.'),
  r('N30', 'Patient not eligible for this service.'),
  r('N54', 'Claim does not match the services that were authorized.'),
  r('N56', 'Procedure code not valid for the service billed or its date.'),
  r('N104', 'Outside this contractor\'s jurisdiction: find the right Medicare contractor and bill it there.'),
  r('N115', 'Decision based on a Local Coverage Determination (LCD).'),
  r('N130', 'See the plan benefit documents for limits on this service.', { alert: true }),
  r('N180', 'Does not meet the criteria of the category it was billed under.'),
  r('N206', 'Supporting documentation does not match the claim.'),
  r('N211', 'This decision cannot be appealed.', { noAppeal: true }),
  r('N290', 'Rendering provider identifier missing or invalid.'),
  r('N386', 'Decision based on a National Coverage Determination (NCD); for trials, NCD 310.1.'),
  r('N429', 'Not covered because it is considered routine.'),
];
