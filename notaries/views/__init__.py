"""The notaries' pages, a module per subject: the notary's area and deeds, verification, the directory,
notifications and API tokens."""
