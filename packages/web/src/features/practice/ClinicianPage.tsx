import { useSession } from '../auth/session';
import { usePageTitle } from '../../lib/use-page-title';
import { NotYours } from './NotYours';
import { InviteMember } from './InviteMember';

/** The clinician's home: invite members (the caseload joins it). */
export function ClinicianPage() {
  usePageTitle('Your practice');
  const { state } = useSession();
  if (state.status !== 'ready' || state.me.user.role !== 'clinician') return <NotYours />;
  return (
    <>
      <h1>Your practice</h1>
      <div className="stack">
        <InviteMember />
      </div>
    </>
  );
}
