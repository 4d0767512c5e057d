"""The domain's words, each defined once: measures, target kinds, statuses, stages, roles…

Data lives beside the code that loads it; every other module imports the words from here.
"""
