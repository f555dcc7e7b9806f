"""A file's text: reading bytes safely, lines and positions, spelling."""
