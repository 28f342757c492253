/// App wiring (filled in by the App work).
