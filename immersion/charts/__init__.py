"""pyqtgraph figures built from domain results; shared by the screens and the briefing PDF."""
