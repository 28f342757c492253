/// The SQLite layer (filled in by the SQLiteStore work).
