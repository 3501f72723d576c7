"""Briefing documents: content assembled from the store and the domain, rendered to PDF with Qt."""
