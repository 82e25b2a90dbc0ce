import { practiceApi } from '../../api';
import { AuditList } from '../practice/AuditList';

/**
 * The member's audit trail, newest first: each read by a clinician, each consent change, and the
 * account's ways in (sign-ins through single sign-on, passwords set or changed).
 */
export function WhoHasSeen() {
  return (
    <section className="card" aria-labelledby="who-has-seen-title">
      <h2 id="who-has-seen-title">Who has seen my data</h2>
      <p>
        Every time a clinician reads your data or changes your programme, every change to your consent, and
        every sign-in through single sign-on and password change on your account.
      </p>
      <AuditList
        load={practiceApi.myAudit}
        what="who has seen your data"
        empty="Nobody but you has seen your data."
      />
    </section>
  );
}
