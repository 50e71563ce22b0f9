import type { Db } from '../../db/open-db.js';
import { AppError } from '../../lib/errors.js';

/**
 * One chair, fixed with the rules (issue 17 point 2, decision 018). Every route that could seat,
 * unseat or re-credential the chair calls one of these before writing; the database's own index
 * and trigger (migration 0013) are the floor beneath them.
 */
export function chairRule(db: Db) {
  const lockedAt = db.prepare<[number], string | null>('SELECT settings_locked_at FROM competitions WHERE id = ?').pluck();
  const chairOf = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM jurors WHERE competition_id = ? AND is_chair = 1');
  const isChair = db.prepare<[number, number], number>('SELECT is_chair FROM jurors WHERE id = ? AND competition_id = ?').pluck();

  const fixed = (competitionId: number, what: string) => {
    const at = lockedAt.get(competitionId);
    if (at) {
      throw new AppError(409, 'CHAIR_FIXED', `The jury chair is fixed since the rules were locked (${at}, when round 1's scoring opened): ${what}`, [
        { path: 'isChair', rule: 'chair-fixed', message: `fixed since ${at}` },
      ]);
    }
  };

  return {
    chairOf: (competitionId: number) => chairOf.get(competitionId),
    /**
     * Seating a new chair (a new juror with `isChair`, or an edit that sets it): refused once the
     * rules are locked, and while another juror holds the seat (move it with `assertCanMove`).
     */
    assertCanSeat(competitionId: number, exceptJurorId?: number) {
      fixed(competitionId, 'no juror can become the chair now');
      const current = chairOf.get(competitionId);
      if (current && current.id !== exceptJurorId) {
        throw new AppError(409, 'CHAIR_TAKEN', `The competition already has a jury chair (${current.name}); make another juror the chair instead`, [
          { path: 'isChair', rule: 'one-chair', message: `${current.name} chairs the jury` },
        ]);
      }
    },
    /** Moving the seat from the current chair to another juror (or unseating): only before the lock. */
    assertCanMove(competitionId: number) {
      fixed(competitionId, 'the chair cannot change now');
    },
    /**
     * A new credential for the chair's seat (a new invitation link, revoked tablets so the link
     * binds afresh): after the lock this would let whoever holds the link, the organiser included,
     * sign as the chair. The chair binds another tablet from the same link with their own PIN.
     */
    assertCanRebind(competitionId: number, jurorId: number, what: string) {
      if (isChair.get(jurorId, competitionId) === 1) fixed(competitionId, what);
    },
  };
}
