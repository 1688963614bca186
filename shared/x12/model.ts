/**
 * The typed model of an 835 health care claim payment/advice (005010X221A1) [BRIEF 4.1]. Amounts are
 * integer cents, dates ISO `YYYY-MM-DD`, quantities plain numbers. Names and member ids in `people`
 * are PHI: they may be stored (encrypted) and shown, never logged or put into a message.
 */

export interface Ref835 {
  readonly qualifier: string;
  readonly value: string;
}

export interface Amount835 {
  readonly qualifier: string;
  readonly cents: number;
}

export interface Quantity835 {
  readonly qualifier: string;
  readonly quantity: number;
}

export interface Dated835 {
  readonly qualifier: string;
  readonly date: string;
}

export interface Address835 {
  readonly lines: readonly string[];
  readonly city: string | null;
  readonly state: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
}

export interface Contact835 {
  readonly functionCode: string;
  readonly name: string | null;
  /** PER03/04, 05/06, 07/08 pairs: TE phone, EM e-mail, UR web address, FX fax, EX extension. */
  readonly channels: readonly { readonly qualifier: string; readonly value: string }[];
}

/** N1 loop: 1000A payer (N1*PR) or 1000B payee (N1*PE). */
export interface Party835 {
  readonly name: string;
  readonly idQualifier: string | null;
  readonly id: string | null;
  readonly address: Address835 | null;
  readonly refs: readonly Ref835[];
  readonly contacts: readonly Contact835[];
}

export interface Interchange835 {
  readonly controlNumber: string;
  readonly senderQualifier: string;
  readonly senderId: string;
  readonly receiverQualifier: string;
  readonly receiverId: string;
  /** ISA12 interchange version (00501) and ISA15 usage (P production, T test). */
  readonly version: string;
  readonly usage: string;
}

export interface Group835 {
  readonly controlNumber: string;
  readonly functionalId: string;
  readonly senderCode: string;
  readonly receiverCode: string;
  readonly date: string | null;
  /** GS08, 005010X221A1 for the 5010 835. */
  readonly version: string;
}

/** BPR: the money movement itself. */
export interface Payment835 {
  readonly segmentNumber: number;
  /** BPR01: C payment + advice, D make payment only, H notification only, I remittance only, P prenotification, U split, X separate. */
  readonly handlingCode: string;
  /** BPR02 as sent (never negative): the sign is BPR03. */
  readonly totalPaymentCents: number;
  /** BPR03: C credit to the payee, D debit. */
  readonly creditDebit: string;
  /** BPR04: ACH, BOP, CHK, FWT, NON. */
  readonly method: string | null;
  /** BPR05: CCP, CTX... (ACH formats). */
  readonly format: string | null;
  /** BPR16: check issue or EFT effective date. */
  readonly paymentDate: string | null;
}

export interface Trace835 {
  readonly traceType: string;
  /** TRN02: check or EFT trace number, the key to reassociate with the bank deposit. */
  readonly traceNumber: string;
  /** TRN03: payer identifier (usually '1' + TIN). */
  readonly originatorId: string | null;
  readonly originatorSupplemental: string | null;
}

export interface TransactionHeader835 {
  /** 1-based order of the transaction in the file. */
  readonly index: number;
  readonly stSegmentNumber: number;
  readonly controlNumber: string;
  readonly implementationReference: string | null;
  readonly interchange: Interchange835 | null;
  readonly group: Group835 | null;
  readonly payment: Payment835;
  readonly trace: Trace835;
  /** REF*EV receiver id, REF*F2 version and any other header REF. */
  readonly refs: readonly Ref835[];
  /** DTM*405 production date. */
  readonly productionDate: string | null;
  readonly payer: Party835;
  readonly payee: Party835;
}

/** One CAS triplet with its group code; CAS carries up to six per segment. */
export interface Adjustment835 {
  readonly segmentNumber: number;
  readonly groupCode: string;
  readonly reasonCode: string;
  /** Positive reduces payment, negative increases it [X12-RFI2348]. */
  readonly amountCents: number;
  readonly quantity: number | null;
}

/** NM1 in the claim loop: QC patient, IL insured, 74 corrected patient, 82 rendering provider, TT crossover payer, PR corrected priority payer, GB other subscriber. */
export interface Person835 {
  readonly entityCode: string;
  readonly entityType: string | null;
  readonly lastName: string | null;
  readonly firstName: string | null;
  readonly middleName: string | null;
  readonly suffix: string | null;
  readonly idQualifier: string | null;
  readonly id: string | null;
}

/** A remark code of the claim (MIA inpatient, MOA outpatient) or of a line (LQ*HE). */
export interface Remark835 {
  readonly source: 'MIA' | 'MOA' | 'LQ';
  readonly code: string;
}

/** SVC01 / SVC06 composite: qualifier (HC = HCPCS/CPT), code, up to four modifiers, description. */
export interface Procedure835 {
  readonly qualifier: string;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly description: string | null;
}

export interface ServiceLine835 {
  readonly segmentNumber: number;
  /** 1-based order of the line in its claim. */
  readonly seq: number;
  readonly procedure: Procedure835;
  readonly chargeCents: number;
  readonly paidCents: number;
  readonly revenueCode: string | null;
  readonly units: number | null;
  /** SVC06/07: what was billed, when the payer adjudicated a different code. */
  readonly originalProcedure: Procedure835 | null;
  readonly originalUnits: number | null;
  /** DTM*472, or the DTM*150/151 period. */
  readonly serviceDate: string | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  /** REF*6R: the line item control number of the 837, our charge id when we billed it. */
  readonly lineControlNumber: string | null;
  /** AMT*B6: informational, not part of balancing [X12-RFI2601]. */
  readonly allowedCents: number | null;
  readonly refs: readonly Ref835[];
  readonly amounts: readonly Amount835[];
  readonly quantities: readonly Quantity835[];
  readonly adjustments: readonly Adjustment835[];
  /** LQ*HE remark codes (RARC). */
  readonly remarks: readonly Remark835[];
  /** LQ*RX: NCPDP reject codes. */
  readonly rejectCodes: readonly string[];
}

export interface Claim835 {
  readonly segmentNumber: number;
  /** 1-based order of the claim in its transaction. */
  readonly seq: number;
  /** CLP01: our patient control number (837 CLM01), the account number. PHI. */
  readonly patientControlNumber: string;
  /** CLP02 status: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 22 reversal... [BRIEF 4.2]. */
  readonly statusCode: string;
  readonly totalChargeCents: number;
  readonly paidCents: number;
  readonly patientResponsibilityCents: number | null;
  /** CLP06: MA Medicare A, MB Medicare B, 16 HMO Medicare risk (Medicare Advantage), CI commercial... */
  readonly filingIndicator: string | null;
  /** CLP07: the payer's claim control number (ICN). */
  readonly payerClaimControlNumber: string | null;
  readonly facilityType: string | null;
  readonly frequencyCode: string | null;
  readonly drgCode: string | null;
  readonly people: readonly Person835[];
  readonly refs: readonly Ref835[];
  readonly dates: readonly Dated835[];
  /** DTM*232 / DTM*233. */
  readonly statementFrom: string | null;
  readonly statementTo: string | null;
  /** DTM*050 claim received date. */
  readonly receivedDate: string | null;
  readonly amounts: readonly Amount835[];
  readonly quantities: readonly Quantity835[];
  readonly adjustments: readonly Adjustment835[];
  readonly remarks: readonly Remark835[];
  readonly lines: readonly ServiceLine835[];
}

export interface PlbAdjustment835 {
  readonly reasonCode: string;
  readonly reference: string | null;
  /** Positive reduces the payment (a recovery), negative increases it (interest, passthru) [BRIEF 4.1]. */
  readonly amountCents: number;
}

export interface Plb835 {
  readonly segmentNumber: number;
  readonly providerId: string;
  readonly fiscalPeriodDate: string | null;
  readonly adjustments: readonly PlbAdjustment835[];
}

export type ImbalanceLevel = 'line' | 'claim' | 'transaction';

/** A failed balancing equation [BRIEF 4.1]: `expectedCents` is what the equation gives, `actualCents` what the payer sent. */
export interface Imbalance835 {
  readonly level: ImbalanceLevel;
  readonly transactionIndex: number;
  readonly transactionControlNumber: string;
  readonly claimSeq: number | null;
  readonly lineSeq: number | null;
  readonly segmentNumber: number;
  readonly segmentId: string;
  readonly expectedCents: number;
  readonly actualCents: number;
  /** Free of PHI: positions and amounts only. */
  readonly message: string;
}

export interface TransactionTrailer835 {
  readonly seSegmentNumber: number;
  readonly plb: readonly Plb835[];
  readonly claimCount: number;
  readonly lineCount: number;
  /** Sum of CLP04. */
  readonly claimPaidCents: number;
  /** Sum of every PLB amount. */
  readonly plbTotalCents: number;
  readonly imbalance: Imbalance835 | null;
  /** Findings that did not refuse the file (impossible dates), PHI-free. */
  readonly notices: readonly string[];
}

/** What the streaming parser emits: a header, then each claim as it completes, then the trailer. */
export type Remit835Event =
  | { readonly kind: 'transaction-start'; readonly header: TransactionHeader835 }
  | { readonly kind: 'claim'; readonly transactionIndex: number; readonly claim: Claim835; readonly imbalances: readonly Imbalance835[] }
  | { readonly kind: 'transaction-end'; readonly transactionIndex: number; readonly trailer: TransactionTrailer835 };

/** A whole transaction, for callers that collect (tests, small files). */
export interface Remittance835 {
  readonly header: TransactionHeader835;
  readonly claims: readonly Claim835[];
  readonly trailer: TransactionTrailer835;
  readonly imbalances: readonly Imbalance835[];
}
