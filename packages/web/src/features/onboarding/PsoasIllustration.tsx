/** A deliberately simple side view: where the psoas runs, not an anatomy lesson. */
export function PsoasIllustration() {
  return (
    <svg className="psoas" viewBox="0 0 260 270" role="img" aria-labelledby="psoas-title psoas-desc">
      <title id="psoas-title">The psoas muscle</title>
      <desc id="psoas-desc">
        Side view of the lower spine, pelvis and thigh bone. The psoas runs from the front of the lower
        vertebrae, down through the pelvis, to the inside of the top of the thigh bone.
      </desc>
      <g className="bone">
        {[
          [78, 18],
          [82, 40],
          [85, 62],
          [84, 84],
          [79, 106],
        ].map(([x = 0, y = 0]) => (
          <rect key={y} x={x} y={y} width="34" height="18" rx="5" />
        ))}
        <path d="M64 128 Q112 112 162 140 L158 166 Q128 172 108 196 Q84 186 72 160 Z" />
        <circle cx="120" cy="198" r="13" />
        <path className="femur" d="M120 198 L134 214 L140 262" />
      </g>
      <path
        className="muscle"
        d="M110 24 C132 60 146 120 154 156 C158 182 140 208 130 226 L122 221 C130 203 142 180 137 158 C127 118 112 80 106 36 Z"
      />
      <g className="labels">
        <text x="6" y="58">
          <tspan x="6">Lower</tspan>
          <tspan x="6" dy="15">
            spine
          </tspan>
        </text>
        <line x1="48" y1="66" x2="76" y2="70" />
        <text x="178" y="96">
          Psoas
        </text>
        <line x1="176" y1="100" x2="145" y2="112" />
        <text x="6" y="150">
          Pelvis
        </text>
        <line x1="42" y1="154" x2="70" y2="150" />
        <text x="152" y="250">
          Thigh bone
        </text>
        <line x1="150" y1="246" x2="142" y2="242" />
      </g>
    </svg>
  );
}
