import { INSTRUMENTS, type InstrumentId } from '@hipwise/core';
import { EXPORTS } from '../../api';

/** Downloads of the user's data: CSV per measure, everything as JSON, and FHIR for a clinician. */
export function ExportSection({ instruments }: { readonly instruments: readonly InstrumentId[] }) {
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Download your data</h2>
      <p>
        For a spreadsheet, one CSV file per measure. For a clinician’s system, FHIR R4 (pain intensity and
        questionnaire totals). Everything hipwise stores, as JSON. Your baseline answers are in each, marked
        as the baseline, and times carry your time zone’s offset.
      </p>
      <ul className="export-list">
        <li>
          <a className="button" href={EXPORTS.csv('baseline')} download>
            Baseline answers (CSV)
          </a>
        </li>
        <li>
          <a className="button" href={EXPORTS.csv('checkins')} download>
            Pain and stress check-ins (CSV)
          </a>
        </li>
        <li>
          <a className="button" href={EXPORTS.csv('stress-sessions')} download>
            Breathing practice (CSV)
          </a>
        </li>
        {instruments.map((id) => (
          <li key={id}>
            <a className="button" href={EXPORTS.csv(id)} download>
              {INSTRUMENTS[id].shortName} answers (CSV)
            </a>
          </li>
        ))}
        <li>
          <a className="button" href={EXPORTS.fhir} download>
            FHIR R4 observations (JSON)
          </a>
        </li>
        <li>
          <a className="button" href={EXPORTS.json} download>
            Everything (JSON)
          </a>
        </li>
      </ul>
    </section>
  );
}
