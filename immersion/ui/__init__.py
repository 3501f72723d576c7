"""Widgets, item models, dialogs, undo commands and the main window."""
