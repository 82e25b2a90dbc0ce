import { Link } from 'wouter';
import { usePageTitle } from '../../lib/use-page-title';
import { CameraPlacement } from './CameraPlacement';
import { PRIVACY_NOTE } from './CameraView';

/** /camera: what the camera coach does, how private it is, and its two uses. */
export function CameraHomePage() {
  usePageTitle('Camera coach');
  return (
    <>
      <h1>Camera coach</h1>
      <p className="lead">
        Your webcam can check how you sit and how you hold the boat pose. {PRIVACY_NOTE} The camera is on only
        while you have it on, and “Turn camera off” releases it at once.
      </p>
      <ul className="stack">
        <li>
          <Link href="/posture">Posture check</Link>: leave it running while you work; it reminds you when you
          slouch, lean back or take your feet off the floor.
        </li>
        <li>
          <Link href="/practice">Practise with the camera</Link>: try the boat pose with form feedback. In a
          programme session, choose “Use camera to check my form”.
        </li>
      </ul>
      <h2>Placing the camera</h2>
      <CameraPlacement />
    </>
  );
}
