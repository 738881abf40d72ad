"""References from a citation manager: BibTeX or RIS pasted or uploaded, previewed, saved all or nothing."""
