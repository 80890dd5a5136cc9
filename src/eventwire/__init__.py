"""eventwire: news articles to checkable political event records."""
