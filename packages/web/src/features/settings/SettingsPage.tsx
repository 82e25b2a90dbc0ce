import { usePageTitle } from '../../lib/use-page-title';
import { AppearanceSetting } from './AppearanceSetting';
import { Clearances } from './Clearances';
import { ProgrammeChangesCard } from '../clinician/ProgrammeChangesCard';
import { Clinicians } from './Clinicians';
import { DeleteAccount } from './DeleteAccount';
import { ExportData } from './ExportData';
import { InstallApp } from './InstallApp';
import { LogoutEverywhere } from './LogoutEverywhere';
import { PasswordForm } from './PasswordForm';
import { ProviderReturnNotice } from './provider-confirmation';
import { TimeZoneForm } from './TimeZoneForm';
import { WhoHasSeen } from './WhoHasSeen';

export function SettingsPage() {
  usePageTitle('Settings');
  return (
    <>
      <h1>Settings</h1>
      <div className="stack">
        <ProviderReturnNotice />
        <InstallApp />
        <TimeZoneForm />
        <AppearanceSetting />
        <PasswordForm />
        <LogoutEverywhere />
        <Clearances />
        <ProgrammeChangesCard all />
        <Clinicians />
        <WhoHasSeen />
        <ExportData />
        <DeleteAccount />
      </div>
    </>
  );
}
