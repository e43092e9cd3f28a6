"""The supervision summary: what was found, what was done, what was learnt, what is next."""
