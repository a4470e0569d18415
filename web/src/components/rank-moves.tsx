/**
 * The Up and Down buttons of one entry of a ranked list, the keyboard's way to reorder it; each
 * names the entry for screen readers ("Move Ada up"). The first entry cannot go up, the last not down.
 */
export function RankMoves({ name, place, count, busy, onMove }: { name: string; place: number; count: number; busy: boolean; onMove(by: -1 | 1): void }) {
  return (
    <span className="shortlist-moves">
      <button type="button" className="button" disabled={busy || place === 0} aria-label={`Move ${name} up`} onClick={() => onMove(-1)}>
        Up
      </button>
      <button type="button" className="button" disabled={busy || place === count - 1} aria-label={`Move ${name} down`} onClick={() => onMove(1)}>
        Down
      </button>
    </span>
  );
}
