"""The temporal analysis behind the date rules: a library the date check kinds read from.

scanner.py finds date expressions in a document's prose; resolve.py turns them into calendar dates
(own code for absolute forms, dateparser for unusual relative ones); tense.py reads the tense of
their sentences; analysis.py infers the publication date and keeps one document's analysis for all
rules; readings.py says how a mention may be read on the calendar and whether it may be judged.
"""
