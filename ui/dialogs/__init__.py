"""Dialogs of the main window: import report, preferences, assignment, shortcuts."""
