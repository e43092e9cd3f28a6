"""The check-up as the wizard runs it, without Qt: accounts, choices, results, navigation."""
