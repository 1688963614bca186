/** The read-only sections of a denial: codes, linked charge, study and calendar, findings, history. */
import type { DenialDetail } from '../../../../shared/contract/denials.ts';
import { formatCents } from '../../../../shared/domain/money.ts';
import { formatWhen } from '../../format-time.ts';

interface Props {
  readonly detail: DenialDetail;
}

/** The adjustment and remark codes of the denial, with the remittance they came on. */
export function CodesSection({ detail: d }: Props) {
  return (
    <section className="card" aria-labelledby="den-codes-title">
      <div className="card-body">
        <h3 id="den-codes-title" className="section-title">
          What the payer said
        </h3>
        <p className="muted">
          Remittance {d.remit.fileName}, trace {d.remit.traceNumber}, dated {d.remit.remitDate}; patient account {d.claim.patientAccount}, claim status {d.claim.statusCode}
          {d.claim.filingIndicator !== null && `, filing indicator ${d.claim.filingIndicator}`}.
        </p>
        <table className="data-table">
          <caption className="visually-hidden">Adjustment and remark codes</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Meaning</th>
              <th scope="col" className="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {[...d.denialCodes, ...d.remarkCodes].map((c) => (
              <tr key={c.code}>
                <th scope="row" className="mono">
                  {c.code}
                </th>
                <td>{c.meaning}</td>
                <td className="numeric">{c.amountCents === null ? '' : formatCents(c.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The charge the denied line is linked to, as billed. */
export function ChargeSection({ detail: d }: Props) {
  const c = d.charge;
  return (
    <section className="card" aria-labelledby="den-charge-title">
      <div className="card-body">
        <h3 id="den-charge-title" className="section-title">
          Linked charge
        </h3>
        {c === null ? (
          <p>No charge matched this line (no REF*6R and no charge with the same account, code and date). Import the charge export, then re-triage.</p>
        ) : (
          <dl className="den-facts">
            <dt>Charge</dt>
            <dd className="mono">{c.chargeId}</dd>
            <dt>Found by</dt>
            <dd>{c.linkMethod === 'REF_6R' ? 'Line control number (REF*6R)' : c.linkMethod}</dd>
            <dt>Billed as</dt>
            <dd>
              {c.cpt} {c.modifiers.replaceAll(';', ' ')} · {formatCents(c.amountCents)} · {c.claimType.toLowerCase()} {c.setting.toLowerCase()} · bill to {c.billTo.toLowerCase()}
            </dd>
            <dt>Payer billed</dt>
            <dd>
              {c.payerName ?? '–'} ({c.payerType})
            </dd>
            <dt>Diagnoses</dt>
            <dd className="mono">{c.dxCodes.replaceAll(';', ' ')}</dd>
            <dt>Trial numbers</dt>
            <dd>
              NCT {c.nctOnClaim ?? 'none'} · IDE {c.ideOnClaim ?? 'none'}
            </dd>
          </dl>
        )}
      </div>
    </section>
  );
}

/** The study, the subject and the calendar rows of the service, the matched one marked. */
export function CalendarSection({ detail: d }: Props) {
  const s = d.study;
  return (
    <section className="card" aria-labelledby="den-calendar-title">
      <div className="card-body">
        <h3 id="den-calendar-title" className="section-title">
          Study and calendar row
        </h3>
        {s === null ? (
          <p>The service is outside every study period of this patient: it is ordinary care.</p>
        ) : (
          <>
            <p>
              {s.studyId} ({s.qualifying ? 'qualifying trial' : 'not a qualifying trial'}
              {s.nctNumber ? `, ${s.nctNumber}` : ''}
              {s.ideNumber ? `, IDE ${s.ideNumber}` : ''}) · subject {s.subjectId}, arm {s.arm ?? '–'}, consented {s.consentDate}, {s.subjectPayerType.toLowerCase().replaceAll('_', ' ')}
            </p>
            {d.calendar.window !== null && (
              <p>
                Visit {d.calendar.window.visitName}: expected {d.calendar.window.expectedDate}, window {d.calendar.window.windowFrom} to {d.calendar.window.windowTo} ({d.calendar.window.offsetDays >= 0 ? '+' : ''}
                {d.calendar.window.offsetDays} days).
              </p>
            )}
            {d.calendar.rows.length === 0 ? (
              <p>This code is not on the subject&apos;s calendar.</p>
            ) : (
              <table className="data-table">
                <caption className="visually-hidden">Calendar rows of this code</caption>
                <thead>
                  <tr>
                    <th scope="col">Visit</th>
                    <th scope="col">Window</th>
                    <th scope="col">Designation</th>
                    <th scope="col">Rationale</th>
                  </tr>
                </thead>
                <tbody>
                  {d.calendar.rows.map((r) => (
                    <tr key={`${r.visitCode}`} aria-current={r.matched ? 'true' : undefined} className={r.matched ? 'den-matched' : ''}>
                      <th scope="row">
                        {r.visitCode} {r.visitName} {r.matched && <span className="den-tag">this service</span>}
                      </th>
                      <td>
                        day {r.visitDay}, {r.window}
                      </td>
                      <td>{r.designation}</td>
                      <td>{r.justification}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** The open compliance findings of the linked charge. */
export function FindingsSection({ detail: d }: Props) {
  if (d.charge === null) return null;
  return (
    <section className="card" aria-labelledby="den-findings-title">
      <div className="card-body">
        <h3 id="den-findings-title" className="section-title">
          Compliance findings on this charge
        </h3>
        {d.findings.length === 0 ? (
          <p>None open.</p>
        ) : (
          <ul className="den-list">
            {d.findings.map((f) => (
              <li key={f.id}>
                <strong>{f.rule}</strong> ({f.severity}, {f.status}): {f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** Every event of the denial, oldest first. */
export function HistorySection({ detail: d }: Props) {
  return (
    <details className="card den-history">
      <summary className="card-body">History ({d.events.length})</summary>
      <ol className="den-list card-body">
        {d.events.map((e, i) => (
          <li key={i}>
            {formatWhen(e.at)} · {e.kind}
            {e.toStatus !== null && ` → ${e.toStatus}`}
            {e.note !== null && `: ${e.note}`} ({e.actor})
          </li>
        ))}
      </ol>
    </details>
  );
}
