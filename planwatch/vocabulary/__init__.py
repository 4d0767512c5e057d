"""The domain's words, each defined once."""
