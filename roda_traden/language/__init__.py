"""Reading Swedish: the one place that knows what words, numbers, units,
targets and baselines mean. Rules, bedömning and reports all read through
it; nothing else keeps a list of Swedish words."""
