/// The JWT module (filled in by the JWT work).
