import { usePageTitle } from '../../lib/use-page-title';
import { Clearances } from './Clearances';
import { Clinicians } from './Clinicians';
import { DeleteAccount } from './DeleteAccount';
import { ExportData } from './ExportData';
import { LogoutEverywhere } from './LogoutEverywhere';
import { PasswordForm } from './PasswordForm';
import { TimeZoneForm } from './TimeZoneForm';
import { WhoHasSeen } from './WhoHasSeen';

export function SettingsPage() {
  usePageTitle('Settings');
  return (
    <>
      <h1>Settings</h1>
      <div className="stack">
        <TimeZoneForm />
        <PasswordForm />
        <LogoutEverywhere />
        <Clearances />
        <Clinicians />
        <WhoHasSeen />
        <ExportData />
        <DeleteAccount />
      </div>
    </>
  );
}
