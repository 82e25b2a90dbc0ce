import { EXPORT_URL } from '../../api';

export function ExportData() {
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Your data</h2>
      <p>
        Download everything hipwise stores about you (your account, safety answers and any clinician’s
        clearance, check-ins and sessions) as one JSON file. It is yours to keep or take elsewhere.
      </p>
      {/* A plain link: the browser downloads with the session cookie and shows its own progress. */}
      <a className="button" href={EXPORT_URL} download>
        Export my data
      </a>
    </section>
  );
}
