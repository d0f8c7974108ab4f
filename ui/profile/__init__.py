"""The profile pane: a candidate's parsed profile to read and correct, beside the original."""
