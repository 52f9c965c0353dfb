"""Pages for the cooperative formation record, one module per subject. Each view: scope (cooperatives.access),
validate (a form), call a service or selector, render. Read-only for provincial and national staff; writes for the
regency's officer."""
