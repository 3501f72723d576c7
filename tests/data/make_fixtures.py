"""Writes the binary fixtures of this folder (run once; the files are committed): `python tests/data/make_fixtures.py`.

- `stakeholders_report.xlsx`: a stakeholder list as a key-account tool exports it: a title and a date above
  the table, the table starting in column B of row 4, dates typed as dates and influence as numbers.
- `contacts_unicode_tab.txt`: contacts saved by Excel as "Unicode Text": UTF-16 with a byte order mark,
  tab-separated.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HERE = Path(__file__).resolve().parent


def stakeholders_report() -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Stakeholders"
    sheet["A1"] = "Stakeholder map — Rhein-Main Kliniken"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Exported from the KAM portal on"
    sheet["B2"] = dt.date(2026, 11, 2)
    header = ["Name", "Job Title", "E-Mail", "Influence", "Stance", "Buying Role", "Last Contact", "Phone"]
    rows = [
        ["Dr. Katrin Weiß", "Kaufmännische Direktorin", "k.weiss@rhein-main-kliniken.de", 5, "Champion",
         "Economic buyer", dt.datetime(2026, 9, 30), "+49 69 1234 5670"],
        ["Jonas Albrecht", "Leiter Technik", "j.albrecht@rhein-main-kliniken.de", 4.0, "supporter", "technical_buyer",
         dt.datetime(2026, 10, 14), "+49 69 1234 5681"],
        ["Mehmet Yilmaz", "Apothekenleitung", "m.yilmaz@rhein-main-kliniken.de", 3, "Skeptic", "User",
         "2026-08-01", "+49 69 1234 5602"],
        [None, None, None, None, None, None, None, None],
        ["Sabine Roth", "Einkauf", "s.roth@rhein-main-kliniken.de", 7, "ally", "Gatekeeper", "bald", None],
    ]
    for column, title in enumerate(header, start=2):
        sheet.cell(row=4, column=column, value=title).font = Font(bold=True)
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=2):
            sheet.cell(row=5 + offset, column=column, value=value)
    sheet.cell(row=11, column=2, value="Confidential — internal use only")
    book.create_sheet("Notes")["A1"] = "Influence: 1 (low) to 5 (high)."
    book.save(HERE / "stakeholders_report.xlsx")


def unicode_text() -> None:
    lines = [
        "First Name\tLast Name\tJob Title\tCompany\tEmail Address\tBusiness Phone",
        "Ingrid\tSørensen\tCFO\tNordwave Telecom\tingrid.sorensen@nordwave.example\t+47 22 33 44 55",
        "Łukasz\tNowak\tHead of Networks\tNordwave Telecom\tl.nowak@nordwave.example\t+48 22 123 45 67",
    ]
    (HERE / "contacts_unicode_tab.txt").write_bytes("\r\n".join(lines).encode("utf-16"))  # BOM + UTF-16-LE


if __name__ == "__main__":
    stakeholders_report()
    unicode_text()
