/// The coat-check module (filled in by the Sessions work).
