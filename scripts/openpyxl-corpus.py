#!/usr/bin/env python3
"""Writes data/testdata/openpyxl: workbooks laid out as analysts keep them,
written the way openpyxl (and the scripts finance teams run) writes them:
shared strings, formulas with no saved value, merges, fonts struck through,
dates as numbers with a date format. Run from the repository's root with
Debian's python3-openpyxl: /usr/bin/python3 scripts/openpyxl-corpus.py
"""
import datetime
import os

from openpyxl import Workbook
from openpyxl.styles import Font

OUT = "data/testdata/openpyxl"
STRUCK = Font(strike=True)

TRUSTS = [
    ["RAA", "Alpha Hospitals NHS Trust", "Acute (specialist)", "LONDON COMMISSIONING REGION", 420.5, 61],
    ["RBB", "Beta Mental Health NHS Trust", "Mental Health (MH)", "NHS England North West", 180, 48],
    ["RCC", "Gamma Ambulance Service NHS Trust", "ACUTE - TEACHING", "SOUTH WEST COMMISSIONING REGION", 260, 70],
]


def trusts_sheet(ws, header=("Org code", "Trust name", "Trust type", "Region", "Opex (£m)", "DMA score")):
    ws.append(list(header))
    for r in TRUSTS:
        ws.append(r)


def save(wb, name):
    wb.save(os.path.join(OUT, name + ".xlsx"))


def merged_and_struck():
    """A programme and a region merged down their rows, a withdrawn row
    struck through, Excel-style subtotals by year and an England row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Trusts"
    ws.append(["code", "name", "type", "region", "opex_m", "maturity"])
    ws.append(["RAA", "Alpha Hospitals NHS Trust", "acute", "London", 420.5, 61])
    ws.append(["RBB", "Beta Mental Health NHS Trust", "mental health", None, 180, 48])
    ws.append(["RCC", "Gamma Ambulance Service NHS Trust", "ambulance", None, 260, 70])
    ws.merge_cells("D2:D4")
    ws.append(["ENG", "England", None, None, "=SUM(E2:E4)", None])
    fu = wb.create_sheet("Funding")
    fu.append(["code", "programme", "year", "national_m", "local_m", "status"])
    fu.append(["RAA", "Global Digital Exemplar", "2018-19", 5, 5, "received"])
    fu.append(["RBB", None, "2018-19", 1, 1, "received"])
    fu.merge_cells("B2:B3")
    fu.append([None, None, "2018-19 Total", "=SUBTOTAL(9,D2:D3)", "=SUBTOTAL(9,E2:E3)", None])
    fu.append(["RCC", "Fast Follower", "2019-20", 2.5, 2.5, "committed"])
    fu.append(["RBB", "Fast Follower", "2019-20", 3, 3, "committed"])
    for c in fu[6]:
        c.font = STRUCK
    fu.append(["NATIONAL", "National envelope", "2019-20", 350, 0, "committed"])
    fu.append([None, None, "2019-20 Total", "=SUBTOTAL(9,D5:D7)", "=SUBTOTAL(9,E5:E7)", None])
    fu.append([None, None, "Grand Total", "=SUBTOTAL(9,D2:D8)", "=SUBTOTAL(9,E2:E8)", None])
    save(wb, "merged_and_struck")


def headers_and_words():
    """Titles above a header at row 26, a group heading with a unit over
    National | Local, section rows, qualified words, years as analysts
    write them, numbers grouped by spaces, IFERROR lookups."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Trusts"
    ws.append(["Digital maturity by trust"])
    for i in range(24):
        ws.append(["Note %d: see the guidance" % (i + 1)])
    ws.append(["Org code", "Trust name", "Trust type", "Region", "Opex (£m)", "DMA score", "EPR system"])
    ws.append(["London"])
    ws.append(TRUSTS[0] + ['=IFERROR(VLOOKUP(A28,Systems!A:B,2,FALSE),"")'])
    ws.append(["North West"])
    ws.append(TRUSTS[1] + [None])
    ws.append(TRUSTS[2][:4] + ["1 260", 70, None])
    sy = wb.create_sheet("Systems")
    sy.append(["code", "system"])
    sy.append(["RZZ", "Cerner"])
    fu = wb.create_sheet("Funding")
    fu.append(["Digital funding"])
    fu.append([None, None, None, "Funding (£000)", None, None])
    fu.merge_cells("D2:E2")
    fu.append(["Trust code", "Programme", "Financial year", "National", "Local", "Funding status"])
    fu.append(["RAA", "Global Digital Exemplar", datetime.datetime(2018, 4, 1), 5000, "5 000", "Received (in full)"])
    fu["C4"].number_format = "dd/mm/yyyy"
    fu.append(["RBB", "Fast Follower", "2019—20", 2500, 2500, "Planned - indicative"])
    fu.append(["RCC", "Fast Follower", "2019 to 2020", 1000, 1000, "Committed (signed MoU)"])
    fu.append(["NATIONAL", "National envelope", "2019–20", "350 000", 0, "committed"])
    save(wb, "headers_and_words")


def wide_and_scenario():
    """Funding laid out wide under group headings, and a Scenario sheet
    typed as analysts type it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Trusts"
    trusts_sheet(ws)
    fu = wb.create_sheet("Funding")
    fu.append([None, None, None, "National funding (£m)", None, "Local funding (£m)", None])
    fu.merge_cells("D1:E1")
    fu.merge_cells("F1:G1")
    fu.append(["code", "programme", "status", "2019-20", "2020-21", "2019-20", "2020-21"])
    fu.append(["RAA", "Global Digital Exemplar", "received", 5, 3, 5, 3])
    fu.append(["RBB", "Fast Follower", "committed", 2.5, None, 2.5, None])
    fu.append(["NATIONAL", "National envelope", "committed", 350, 450, 0, 0])
    sc = wb.create_sheet("Scenario")
    sc.append(["key", "value"])
    sc.append(["include_planned", True])
    sc.append(["envelope_after_m", "1,500"])
    sc.append(["discount_rate", "3.5%"])
    sc.append(["local_share", 0.5])
    sc["B5"].number_format = "0%"
    save(wb, "wide_and_scenario")


def thousandfold():
    """One funding row typed in £000 among £m."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Trusts"
    trusts_sheet(ws)
    fu = wb.create_sheet("Funding")
    fu.append(["code", "programme", "year", "national_m", "local_m", "status"])
    for code, year, v in [("RAA", "2018-19", 4.1), ("RBB", "2019-20", 2.5), ("RCC", "2019-20", 3),
                          ("RAA", "2019-20", 4100), ("RBB", "2020-21", 2)]:
        fu.append([code, "Global Digital Exemplar", year, v, v if v < 1000 else 4.1, "received"])
    save(wb, "thousandfold")


def trust_list():
    """The trusts on a sheet named Trust list."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Trust list"
    trusts_sheet(ws)
    fu = wb.create_sheet("Funding")
    fu.append(["code", "programme", "year", "national_m", "local_m", "status"])
    fu.append(["RAA", "Global Digital Exemplar", "2018-19", 5, 5, "received"])
    save(wb, "trust_list")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    merged_and_struck()
    headers_and_words()
    wide_and_scenario()
    thousandfold()
    trust_list()
