"""The run: settings, rules over each tree, silencing, the result cache."""
