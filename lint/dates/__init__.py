"""The temporal analysis behind the date rules: a library the date check kinds read from.

scanner.py finds date expressions in a document's prose; resolve.py turns them into calendar dates
(own code for absolute forms, dateparser for unusual relative ones); tense.py reads the verb group
that governs each date; analysis.py infers the publication date and keeps one document's analysis
for all rules; readings.py says how a mention may be read on the calendar. The timeline model:
network.py (points, constraints), sources/ (one module per kind of cue), stn.py and timeline.py (the
solver and the blame), story.py (one article's model, built once) and explain.py (the messages).
"""
