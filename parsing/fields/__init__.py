"""One module per field family; each reads sections of lines and returns model values."""
