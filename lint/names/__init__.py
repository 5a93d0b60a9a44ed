"""Names: mention extraction (extract.py), spelling keys (keys.py), variant grouping (group.py) and
the lexicon of ordinary words and well-known names, for the `names` checks. The modules are imported
where used, so loading the rules does not build the lexicon's tables."""
