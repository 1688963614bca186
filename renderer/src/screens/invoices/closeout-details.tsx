/** Close-out detail: items never invoiced, open findings by rule, and figures per subject with each subject's ledger on demand. */
import { useState } from 'react';
import type { CloseoutReport } from '../../../../shared/invoicing/report-types.ts';
import { CloseoutLedger } from './closeout-ledger.tsx';
import { formatCents } from './format.ts';

export function CloseoutDetails({ report }: { readonly report: CloseoutReport }) {
  const [subject, setSubject] = useState<string | null>(null);
  return (
    <>
      <section className="card" aria-labelledby="co-unbilled">
        <div className="card-body">
          <h2 id="co-unbilled" className="section-title">
            Items never invoiced ({report.unbilled.length})
          </h2>
          {report.unbilled.length === 0 ? (
            <p className="note note-success">Every sponsor item of every completed visit, every screen failure and every one-time fee was invoiced.</p>
          ) : (
            <ul className="inv-unbilled">
              {report.unbilled.map((u, i) => (
                <li key={i}>
                  <span className="inv-rule">{u.rule ?? 'one-time'}</span> {[u.subjectId ?? 'Study', [u.visitCode, u.cptHcpcs].filter(Boolean).join(' '), u.description, u.serviceDate].filter(Boolean).join(' · ')} · <strong>{formatCents(u.amountCents)}</strong>
                </li>
              ))}
            </ul>
          )}
          <h3 className="inv-h3">Open compliance findings ({report.findings.totalOpen})</h3>
          {report.findings.totalOpen === 0 ? (
            <p className="muted">None open or confirmed at the last reconciliation run.</p>
          ) : (
            <ul className="inv-unbilled">
              {report.findings.byRule.map((f) => (
                <li key={f.rule}>
                  <span className="inv-rule">{f.rule}</span> {f.title}: {f.count} ({formatCents(f.amountCents)})
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="co-subjects">
        <div className="card-body">
          <h2 id="co-subjects" className="section-title">
            By subject
          </h2>
          {subject !== null && <CloseoutLedger studyId={report.study.studyId} asOf={report.asOf} subjectId={subject} onClose={() => setSubject(null)} />}
          <div className="table-scroll inv-scroll-limit">
            <table className="data-table">
              <caption className="visually-hidden">Close-out figures per subject</caption>
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="numeric">Visits</th>
                  <th scope="col" className="numeric">Items</th>
                  <th scope="col" className="numeric">CTA value</th>
                  <th scope="col" className="numeric">Invoiced</th>
                  <th scope="col" className="numeric">Paid</th>
                  <th scope="col" className="numeric">Outstanding</th>
                  <th scope="col" className="numeric">Never invoiced</th>
                </tr>
              </thead>
              <tbody>
                {report.subjects.map((s) => (
                  <tr key={s.subjectId}>
                    <th scope="row">
                      <button type="button" className="button-link" onClick={() => setSubject(s.subjectId)}>
                        {s.subjectId}
                      </button>
                    </th>
                    <td>{s.status.toLowerCase().replace('_', ' ')}</td>
                    <td className="numeric">{s.completedVisits}</td>
                    <td className="numeric">{s.items}</td>
                    <td className="numeric">{formatCents(s.ctaCents)}</td>
                    <td className="numeric">{formatCents(s.invoicedCents)}</td>
                    <td className="numeric">{formatCents(s.paidCents)}</td>
                    <td className="numeric">{formatCents(s.outstandingCents)}</td>
                    <td className="numeric">{formatCents(s.unbilledCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>
    </>
  );
}
