"""Everything PySide6: the review window and its parts."""
