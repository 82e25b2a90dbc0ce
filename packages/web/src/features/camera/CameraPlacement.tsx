/** How to place the camera so that side-view form checks can see what they need. */
export function CameraPlacement() {
  return (
    <ul className="camera-placement">
      <li>Put the camera to your side, so it sees you side-on (your shoulder, not your face).</li>
      <li>
        Move it back until your whole body is in the picture, head to feet, with room to spare: 2 to 4 metres
        suits most webcams. You may fill a third of the picture or all of it, and sit anywhere across it.
      </li>
      <li>Set it at about hip height, level, with light on you rather than behind you.</li>
    </ul>
  );
}
