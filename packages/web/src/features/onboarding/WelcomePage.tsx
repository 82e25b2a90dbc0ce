import { METHOD_INTRO } from '@hipwise/core';
import { Link } from 'wouter';
import { usePageTitle } from '../../lib/use-page-title';
import { PsoasIllustration } from './PsoasIllustration';

export function WelcomePage() {
  usePageTitle('Welcome');
  return (
    <article className="prose">
      <h1>Welcome to hipwise</h1>
      {METHOD_INTRO.map((section, i) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {i === 0 && (
            <figure className="illustration">
              <PsoasIllustration />
              <figcaption>The psoas joins your lower spine to your thigh bone.</figcaption>
            </figure>
          )}
        </section>
      ))}
      <p>
        <Link href="/screening" className="button primary">
          Continue
        </Link>
      </p>
    </article>
  );
}
