// The aligner module: lexicon, features and DP search (being built, issue 3).
