"""Reading inputs: files, folders, URLs, feeds, PDF, DOCX, JSON Lines, HTML, standard input -> Article or Rejection.

``files`` reads and dispatches by the format ``sniff`` finds; ``documents``, ``feeds`` and ``fetch`` read the
other formats and URLs; ``language`` names the language and ``published`` reads publication dates.
"""
