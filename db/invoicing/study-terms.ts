/** The CTA terms of a study, looked up by its study id, for the invoicing services. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { StudyTerms } from '../../shared/invoicing/types.ts';
import { UserError } from '../backend/user-error.ts';

/** A study's terms with its primary key. */
export type StudyTermsWithPk = StudyTerms & { readonly pk: number };

interface Row {
  id: number;
  study_id: string;
  protocol_number: string;
  title: string;
  sponsor: string;
  nct_number: string | null;
  ide_number: string | null;
  overhead_bp: number;
  holdback_bp: number;
  payment_terms_days: number;
}

const SELECT = 'SELECT id, study_id, protocol_number, title, sponsor, nct_number, ide_number, overhead_bp, holdback_bp, payment_terms_days FROM studies';

function toTerms(r: Row): StudyTermsWithPk {
  return {
    pk: r.id,
    studyId: r.study_id,
    protocolNumber: r.protocol_number,
    title: r.title,
    sponsor: r.sponsor,
    nctNumber: r.nct_number,
    ideNumber: r.ide_number,
    overheadBp: r.overhead_bp,
    holdbackBp: r.holdback_bp,
    paymentTermsDays: r.payment_terms_days,
  };
}

/** The study's terms; throws a UserError naming the study when it does not exist. */
export function requireStudy(db: Db, studyId: string): StudyTermsWithPk {
  const row = db.prepare(`${SELECT} WHERE study_id = ?`).get(studyId) as Row | undefined;
  if (!row) throw new UserError('NO_SUCH_STUDY', `There is no study ${studyId}.`);
  return toTerms(row);
}

/** The study's terms by primary key (the study exists: foreign keys guarantee it). */
export function studyByPk(db: Db, pk: number): StudyTermsWithPk {
  return toTerms(db.prepare(`${SELECT} WHERE id = ?`).get(pk) as Row);
}

/** Drops the primary key before the terms cross the contract. */
export function publicTerms(terms: StudyTermsWithPk): StudyTerms {
  const { pk: _pk, ...rest } = terms;
  return rest;
}
