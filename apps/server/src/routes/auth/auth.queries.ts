import type { Db } from '../../db/open-db.js';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
}

export function authQueries(db: Db) {
  const userByEmail = db.prepare<[string], UserRow>('SELECT id, email, name, password_hash FROM users WHERE email = ?');
  const insertSession = db.prepare(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const sessionUser = db.prepare<[string, string], Omit<UserRow, 'password_hash'>>(
    `SELECT u.id, u.email, u.name FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ?`,
  );
  const deleteSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const deleteExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  return {
    userByEmail: (email: string) => userByEmail.get(email),
    insertSession: (tokenHash: string, userId: number, now: Date, expires: Date) =>
      insertSession.run(tokenHash, userId, now.toISOString(), expires.toISOString()),
    sessionUser: (tokenHash: string, now: Date) => sessionUser.get(tokenHash, now.toISOString()),
    deleteSession: (tokenHash: string) => deleteSession.run(tokenHash),
    deleteExpired: (now: Date) => deleteExpired.run(now.toISOString()),
  };
}
