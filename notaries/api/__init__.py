"""The notary API (`/api/v1/notary/…`): token authentication, throttled per token, a module per subject."""
