/** The study page's fact cards: identifiers, CTA terms and what has been imported. */
import type { StudyDetail } from '../../../../shared/contract/setup.ts';
import { formatCount } from '../../../../shared/domain/format.ts';
import { formatBasisPoints } from '../../../../shared/domain/money.ts';

function Fact({ label, value, hint }: { readonly label: string; readonly value: string; readonly hint?: string }) {
  return (
    <div className="fact" title={hint}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function StudyFacts({ study }: { readonly study: StudyDetail }) {
  return (
    <div className="fact-cards">
      <section className="card card-body" aria-labelledby="facts-ids">
        <h2 id="facts-ids" className="fact-title">
          Identifiers
        </h2>
        <dl className="facts">
          <Fact label="Protocol" value={study.protocolNumber} />
          <Fact label="NCT number" value={study.nctNumber ?? 'None'} hint="ClinicalTrials.gov number; Medicare claims of a qualifying trial carry it (CR 8401)" />
          <Fact label="IDE number" value={study.ideNumber ?? 'None'} hint="FDA investigational device exemption" />
          <Fact label="Qualifying trial" value={study.qualifyingTrial ? 'Yes (NCD 310.1)' : 'No'} />
        </dl>
      </section>
      <section className="card card-body" aria-labelledby="facts-cta">
        <h2 id="facts-cta" className="fact-title">
          CTA terms
        </h2>
        <dl className="facts">
          <Fact label="Sponsor" value={study.sponsor} />
          <Fact label="Overhead" value={formatBasisPoints(study.overheadBp)} hint="Overhead (F&A) added to invoiced items" />
          <Fact label="Holdback" value={formatBasisPoints(study.holdbackBp)} hint="Withheld by the sponsor until close-out" />
          <Fact label="Payment terms" value={`Net ${study.paymentTermsDays} days`} />
        </dl>
      </section>
      <section className="card card-body" aria-labelledby="facts-data">
        <h2 id="facts-data" className="fact-title">
          Imported
        </h2>
        <dl className="facts">
          <Fact label="Subjects" value={formatCount(study.counts.subjects)} />
          <Fact label="CTMS visits" value={formatCount(study.counts.ctmsVisits)} />
          <Fact label="Charges" value={formatCount(study.counts.charges)} />
          <Fact label="Invoice lines" value={formatCount(study.counts.invoiceLines)} />
        </dl>
      </section>
    </div>
  );
}
