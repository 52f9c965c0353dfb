"""Dashboards of the nation, provinces and regencies, and the public progress page: selectors reading only the
roll-up rows and series (`selectors`), the projection arithmetic (`projection`), the province tile map (`tilemap`),
the tables shared by page and export (`tables`), freshness (`freshness`) and the per-area cache (`cache`)."""
