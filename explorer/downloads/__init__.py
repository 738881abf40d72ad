"""
Tidy, analysis-ready downloads of the data wing: one long-format CSV per measure (every area and year,
numbers as numbers, suppression in its own column) and the Frictionless Data Package that describes them.
`registry.DOWNLOADS` is the one list of downloadable measures; add a measure with one `Download` entry.
"""
