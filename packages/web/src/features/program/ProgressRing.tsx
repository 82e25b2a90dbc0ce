const R = 52;
const C = 2 * Math.PI * R;

interface ProgressRingProps {
  /** 0 to 1. */
  readonly fraction: number;
  /** Shown in the middle, e.g. seconds left. */
  readonly text: string;
  readonly tone: 'hold' | 'rest' | 'countdown';
}

/** A ring that fills as a timed phase runs; the words beside it carry the same information. */
export function ProgressRing({ fraction, text, tone }: ProgressRingProps) {
  const f = Math.min(1, Math.max(0, fraction));
  return (
    <svg className={`ring ring-${tone}`} viewBox="0 0 120 120" aria-hidden="true" focusable="false">
      <circle className="ring-track" cx="60" cy="60" r={R} />
      <circle
        className="ring-fill"
        cx="60"
        cy="60"
        r={R}
        strokeDasharray={`${C} ${C}`}
        strokeDashoffset={C * (1 - f)}
        transform="rotate(-90 60 60)"
      />
      <text x="60" y="60" textAnchor="middle" dominantBaseline="central">
        {text}
      </text>
    </svg>
  );
}
