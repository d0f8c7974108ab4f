"""The library on disk and everything that reads or writes it. Never imports Qt."""
