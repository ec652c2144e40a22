"""Pages that read across apps: one module per page family (dashboard, youth, …)."""
