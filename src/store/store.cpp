// The SQLite store (being built, issues 5 and 6).
