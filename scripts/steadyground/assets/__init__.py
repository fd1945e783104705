"""Our one JS and one CSS bundle, made from the readable sources in overrides/assets/."""
