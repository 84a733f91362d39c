"""pagesplit: split crawled news pages into articles and teasers."""
