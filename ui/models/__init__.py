"""Qt models over plain rows: the candidate table, the file tree, the import report."""
