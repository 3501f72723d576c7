"""Immersion: an offline workbook for key-account managers and sales leaders."""

__version__ = "0.1.0"
APP_ID = "io.immersion.Immersion"
APP_NAME = "Immersion"
