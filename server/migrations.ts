// The schema, as numbered migrations. A migration is never edited once released: a change is a
// new migration with the next number. db.ts applies the ones a database has not had yet and
// records each in schema_migrations.

export interface Migration {
  version: number;
  name: string;
  sql: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tables, seats, orders, messages, turns',
    sql: [
      `CREATE TABLE game_tables (
        id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        scenario text NOT NULL,
        what_ifs jsonb NOT NULL,
        seed text NOT NULL,
        difficulty text NOT NULL,
        seats jsonb NOT NULL,
        timer_seconds integer NOT NULL,
        host_name text NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE seats (
        table_id text NOT NULL REFERENCES game_tables(id) ON DELETE CASCADE,
        token text NOT NULL,
        name text NOT NULL,
        role text,
        host boolean NOT NULL DEFAULT false,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (table_id, token)
      )`,
      // Every order action of a turn not yet resolved (queue, cancel, end), in order, so that a
      // restarted server rebuilds each seat's queue exactly.
      `CREATE TABLE order_log (
        id bigserial PRIMARY KEY,
        table_id text NOT NULL REFERENCES game_tables(id) ON DELETE CASCADE,
        turn integer NOT NULL,
        role text NOT NULL,
        action text NOT NULL,
        body jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX order_log_table_turn ON order_log (table_id, turn, id)',
      `CREATE TABLE messages (
        id bigserial PRIMARY KEY,
        table_id text NOT NULL REFERENCES game_tables(id) ON DELETE CASCADE,
        turn integer NOT NULL,
        from_role text,
        from_name text NOT NULL,
        to_role text,
        body text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX messages_table ON messages (table_id, id)',
      // Resolved turns: every actor's orders as given to resolveTurn and the state hash after.
      `CREATE TABLE turns (
        table_id text NOT NULL REFERENCES game_tables(id) ON DELETE CASCADE,
        turn integer NOT NULL,
        orders jsonb NOT NULL,
        hash text NOT NULL,
        resolved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (table_id, turn)
      )`,
    ],
  },
  {
    version: 2,
    name: 'classes: a teacher, many tables, students seated, the teacher’s actions',
    sql: [
      // A class: one code for the students, a teacher key kept only as its SHA-256.
      `CREATE TABLE classes (
        id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        key_hash text NOT NULL,
        teacher_name text NOT NULL,
        config jsonb NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE class_students (
        class_id text NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        token text NOT NULL,
        name text NOT NULL,
        table_no integer,
        role text,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (class_id, token)
      )`,
      'ALTER TABLE game_tables ADD COLUMN class_id text REFERENCES classes(id) ON DELETE CASCADE',
      'ALTER TABLE game_tables ADD COLUMN table_no integer',
      'ALTER TABLE game_tables ADD COLUMN paused boolean NOT NULL DEFAULT false',
      'CREATE INDEX game_tables_class ON game_tables (class_id, table_no)',
      // Everything the teacher does to a table (pause, resume, end a seat's turn, inject), in order.
      // An inject fires at the start of turn fire_turn; once fired it is also one of the table's messages.
      `CREATE TABLE teacher_actions (
        id bigserial PRIMARY KEY,
        class_id text NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        table_id text NOT NULL REFERENCES game_tables(id) ON DELETE CASCADE,
        turn integer NOT NULL,
        action text NOT NULL,
        body jsonb,
        fire_turn integer,
        at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX teacher_actions_table ON teacher_actions (table_id, id)',
    ],
  },
];
