"""The main window's views: file browser, candidate list, empty state, status bar."""
