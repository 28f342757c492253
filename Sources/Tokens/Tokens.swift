/// The passport module (filled in by the Tokens work).
