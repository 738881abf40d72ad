"""Reading values from the outside world and writing files for it, safely (shared by every app)."""
