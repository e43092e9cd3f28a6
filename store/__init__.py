"""The encrypted store: sessions, check-up history, choices and answers, on this computer only."""
