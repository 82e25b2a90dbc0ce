import { Link } from 'wouter';
import { usePageTitle } from '../../lib/use-page-title';
import { PsoasIllustration } from '../onboarding/PsoasIllustration';
import './landing.css';

/**
 * The front door for a logged-out visitor: what hipwise is, for whom, where the data stays, that it
 * is not medical advice, and the way in. `firstAccount`: nobody has an account on this server yet,
 * so there is nobody to log in as and sign-up is the only way in.
 */
export function LandingPage({ firstAccount }: { readonly firstAccount: boolean }) {
  usePageTitle('Lower back pain from sitting and stress');
  return (
    <article className="landing">
      <div className="landing-intro">
        <h1>Ease lower back pain from sitting and stress</h1>
        <p className="landing-lead">
          hipwise is a daily companion for people whose lower back hurts after long days at a desk.
        </p>
        <ul className="landing-points">
          <li>
            <strong>Understand the cause:</strong> tight, weak or uneven hip flexors, above all the psoas.
          </li>
          <li>
            <strong>Change the day:</strong> six sitting rules, walking breaks, a calmer response to stress,
            and one exercise, the boat pose, with a camera coach that checks your form on this device.
          </li>
          <li>
            <strong>See whether it works for you:</strong> pain, daily function, stress and sitting time, week
            by week.
          </li>
        </ul>
        <div className="landing-actions">
          <Link href="/signup" className="button primary">
            {firstAccount ? 'Create the first account' : 'Create account'}
          </Link>
          {!firstAccount && (
            <Link href="/login" className="button">
              Log in
            </Link>
          )}
        </div>
        {firstAccount && (
          <p className="hint">Nobody has an account on this hipwise yet: yours will be the first.</p>
        )}
      </div>
      <figure className="illustration landing-drawing">
        <PsoasIllustration />
        <figcaption>The psoas joins your lower spine to your thigh bone.</figcaption>
      </figure>
      <section className="landing-facts" aria-label="Privacy and safety">
        <div>
          <h2>Private by default</h2>
          <p>
            Your answers are kept by the hipwise server you use: on your own computer when you run it
            yourself, never sent anywhere else. Camera images never leave your browser; only angles and hold
            times are stored.
          </p>
        </div>
        <div>
          <h2>Not medical advice</h2>
          <p>
            hipwise is a self-care companion, not a diagnosis or a treatment. Before any exercise it asks
            about the warning signs that need a doctor, and it tells you plainly when to see one.
          </p>
        </div>
      </section>
    </article>
  );
}
