"""Everything reportdiff hands to people and programs: the JSON contracts (to_json), terminal
listings (text), the page's view-models (view) and the HTML renderer (html). Nothing here
writes files or prints: the command line does."""
