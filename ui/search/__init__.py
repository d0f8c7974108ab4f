"""Finding candidates: the search box's feedback, saved searches, document text loading."""
