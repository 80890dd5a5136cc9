"""Reading inputs: files, folders, JSON Lines, HTML and standard input -> Article (or Rejection).

``files`` holds the readers; nothing here parses language.
"""
