"""Help for every country a language's site serves: an emergency number and a crisis line."""
