#!/usr/bin/python3
"""Builds the reading corpus (test/fixtures/reading/): the sample model as other programs
write it. Run with Debian's python3 (python3-openpyxl) and LibreOffice (soffice):

    /usr/bin/python3 scripts/reading-corpus/build_reading_corpus.py

The files are committed, so tests and CI need neither. Every file must read to the same
model and the same five CSVs as examples/appendix-a-sample.xlsx (exceljs-written), except
where test/fixtures/reading/cases.json states the difference.
"""
import datetime
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.table import Table

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = os.path.join(ROOT, "examples", "appendix-a-sample.xlsx")
OUT = os.path.join(ROOT, "test", "fixtures", "reading")
FIXED = datetime.datetime(2021, 1, 1)


def pin_times(path):
    """Rewrites a zip with fixed entry times and core-properties dates, so reruns are byte-stable."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", b"2021-01-01T00:00:00Z", data)
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def openpyxl_built(path, epoch_1904=False, formula_at=None):
    """A fresh openpyxl Workbook(): the sample's cells copied, the same tables added."""
    src = openpyxl.load_workbook(SAMPLE)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if epoch_1904:
        wb.epoch = CALENDAR_MAC_1904
    for sws in src.worksheets:
        ws = wb.create_sheet(sws.title)
        for row in sws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                out = ws.cell(row=cell.row, column=cell.column, value=cell.value)
                if isinstance(cell.value, (datetime.date, datetime.datetime)):
                    out.number_format = "yyyy-mm-dd"
        for t in sws.tables.values():
            ws.add_table(Table(displayName=t.displayName, ref=t.ref))
    if formula_at:
        sheet, ref, formula = formula_at
        wb[sheet][ref] = formula
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(path)
    pin_times(path)


def openpyxl_resaved(path):
    wb = openpyxl.load_workbook(SAMPLE)
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(path)
    pin_times(path)


def libreoffice(path):
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx", "--outdir", tmp, SAMPLE],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        shutil.copy(os.path.join(tmp, os.path.basename(SAMPLE)), path)
    pin_times(path)


def edit_package(path, edit):
    """The exceljs sample with its parts edited by hand: edit(name, text) -> text."""
    with zipfile.ZipFile(SAMPLE) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name.endswith(".xml") or name.endswith(".rels"):
                data = edit(name, data.decode("utf-8"), parts).encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def strict(name, text, parts):
    text = text.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
    text = text.replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
    if name == "xl/workbook.xml":
        text = text.replace("<workbook ", '<workbook conformance="strict" ', 1)
    return text


def shared_strings(parts):
    sst = parts["xl/sharedStrings.xml"].decode("utf-8")
    items = re.findall(r"<si>(.*?)</si>", sst, re.S)
    return ["".join(re.findall(r"<t[^>]*>(.*?)</t>", item, re.S)) for item in items]


def inline_strings(name, text, parts):
    if not name.startswith("xl/worksheets/sheet"):
        return text
    strings = shared_strings(parts)

    def inline(m):
        return f'<c r="{m.group(1)}"{m.group(2)} t="inlineStr"><is><t xml:space="preserve">{strings[int(m.group(3))]}</t></is></c>'

    return re.sub(r'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="s"><v>(\d+)</v></c>', inline, text)


def table_of(parts, display_name):
    for name, data in parts.items():
        if name.startswith("xl/tables/") and f'displayName="{display_name}"'.encode() in data:
            return name
    raise SystemExit(f"no table {display_name}")


def sheet_of(parts, table_part):
    """The worksheet part that refers to a table part."""
    base = os.path.basename(table_part)
    for name, data in parts.items():
        if name.startswith("xl/worksheets/_rels/") and base.encode() in data:
            return "xl/worksheets/" + os.path.basename(name)[: -len(".rels")]
    raise SystemExit(f"no sheet for {table_part}")


def no_header_row(display_name):
    def edit(name, text, parts):
        if name != table_of(parts, display_name):
            return text
        m = re.search(r'ref="([A-Z]+)(\d+):([A-Z]+\d+)"', text)
        ref = f'ref="{m.group(1)}{int(m.group(2)) + 1}:{m.group(3)}"'
        text = re.sub(r'\s+headerRowCount="\d+"', "", text.replace(m.group(0), ref, 1))
        text = text.replace(ref, ref + ' headerRowCount="0"', 1)
        return re.sub(r'<autoFilter ref="[^"]*"\s*/>', "", text)

    return edit


def totals_row(display_name):
    def edit(name, text, parts):
        table_part = table_of(parts, display_name)
        m = re.search(r'ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"', parts[table_part].decode("utf-8"))
        last = int(m.group(4))
        if name == table_part:
            text = text.replace(m.group(0), f'ref="{m.group(1)}{m.group(2)}:{m.group(3)}{last + 1}" totalsRowCount="1"', 1)
            return text
        if name == sheet_of(parts, table_part):
            first_col = m.group(1)
            row = (f'<row r="{last + 1}"><c r="{first_col}{last + 1}" t="inlineStr"><is><t>Total</t></is></c>'
                   f'<c r="C{last + 1}"><f>SUBTOTAL(109,Volumes[Population])</f><v>123456789</v></c></row>')
            return text.replace("</sheetData>", row + "</sheetData>", 1)
        return text

    return edit


def shared_formulas(display_name, column):
    """Turns a table column's numbers into one shared formula with cached values."""
    def edit(name, text, parts):
        table_part = table_of(parts, display_name)
        if name != sheet_of(parts, table_part):
            return text
        cells = list(re.finditer(rf'<c r="{column}(\d+)"((?: s="\d+")?)><v>([^<]*)</v></c>', text))
        first, last = cells[0].group(1), cells[-1].group(1)
        out = []
        pos = 0
        for i, m in enumerate(cells):
            f = (f'<f t="shared" ref="{column}{first}:{column}{last}" si="0">ROUND({column}{first}*1,0)</f>' if i == 0 else '<f t="shared" si="0"/>')
            out.append(text[pos:m.start()])
            out.append(f'<c r="{column}{m.group(1)}"{m.group(2)}>{f}<v>{m.group(3)}</v></c>')
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)

    return edit


def main():
    os.makedirs(OUT, exist_ok=True)
    openpyxl_built(os.path.join(OUT, "openpyxl-built.xlsx"))
    openpyxl_built(os.path.join(OUT, "openpyxl-1904.xlsx"), epoch_1904=True)
    openpyxl_built(os.path.join(OUT, "openpyxl-formula-not-calculated.xlsx"), formula_at=("Volumes", "C2", "=650000*1"))
    openpyxl_resaved(os.path.join(OUT, "openpyxl-resaved.xlsx"))
    if shutil.which("soffice"):
        libreoffice(os.path.join(OUT, "libreoffice.xlsx"))
    else:
        print("soffice not found: libreoffice.xlsx left as it is", file=sys.stderr)
    edit_package(os.path.join(OUT, "hand-strict.xlsx"), strict)
    edit_package(os.path.join(OUT, "hand-inline-strings.xlsx"), inline_strings)
    edit_package(os.path.join(OUT, "hand-no-header-row.xlsx"), no_header_row("Volumes"))
    edit_package(os.path.join(OUT, "hand-totals-row.xlsx"), totals_row("Volumes"))
    edit_package(os.path.join(OUT, "hand-shared-formulas.xlsx"), shared_formulas("Volumes", "C"))


if __name__ == "__main__":
    main()
