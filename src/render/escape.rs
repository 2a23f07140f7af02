//! Escapes that neutralise text for where it goes (filled in below).
