import { practiceApi } from '../../api';
import { InviteForm } from './InviteForm';

/** A clinician invites a member, who sees what would be shared and decides. */
export function InviteMember() {
  return (
    <section className="card" aria-labelledby="invite-member-title">
      <h2 id="invite-member-title">Invite a member</h2>
      <p>
        The person opens the link (or types the code at /join) while signed in, sees what you would see, and
        decides. Nothing is shared unless they accept, and they can revoke at any time.
      </p>
      <InviteForm
        id="invite-member"
        invite={practiceApi.inviteMember}
        button="Invite a member"
        emailHint="Only the account with this email can accept. Leave empty for anyone with the code."
      />
    </section>
  );
}
