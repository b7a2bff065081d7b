// Xerces-C platform initialization (being built, issue 4).
