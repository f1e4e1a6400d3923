"""The 整改通知 as DOCX (python-docx), laid out after 公文 (GB/T 9704): A4, 仿宋 三号 body on a 28 pt
line, 黑体/楷体 headings, the reply form on a landscape page, page numbers at the foot.

Headings use Word's built-in styles (Title, Heading 1–3) so the navigation pane and WPS's outline
work. Every run names its East Asian font (``w:eastAsia``), and the font table gives each Chinese
font its English name and the GB2312 charset, so a Word or WPS without 仿宋 falls back to another
Chinese font (SimSun) instead of a Latin one. Text goes in as text: python-docx escapes it.
"""
from __future__ import annotations

import copy
import functools
import io

from lxml import etree

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from auditor.app.notice.content import FORM_DATE, FORM_HEADERS, FORM_TITLE, Notice, cn_date

LATIN = "Times New Roman"
BODY, HEI, KAI, SONG = "仿宋", "黑体", "楷体", "宋体"
# font -> (English name, PANOSE): the font table entry that lets Word and WPS substitute a Chinese font
FONTS = {BODY: ("FangSong", "02010609060101010101"), HEI: ("SimHei", "02010609060101010101"),
         KAI: ("KaiTi", "02010609060101010101"), SONG: ("SimSun", "02010600030101010101")}
SIZE, LINE = Pt(16), Pt(28)                  # 三号 on a 28 pt line (GB/T 9704: 22 lines of 28 characters)
INDENT = Pt(32)                              # two characters
TABLE_STYLE = "表格文字"
# the reply form's columns on a landscape A4 page (25.7 cm between the margins)
FORM_WIDTHS = (Cm(1.4), Cm(8.0), Cm(7.0), Cm(4.6), Cm(2.4), Cm(2.3))
_BLACK = RGBColor(0, 0, 0)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _before_any(parent, child, successors: tuple[str, ...]) -> None:
    """Put ``child`` into ``parent`` before the first of its schema successors present (Word insists)."""
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def _set_fonts(rpr, east_asia: str) -> None:
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr, value in (("w:ascii", LATIN), ("w:hAnsi", LATIN), ("w:cs", LATIN), ("w:eastAsia", east_asia),
                        ("w:hint", "eastAsia")):
        fonts.set(qn(attr), value)


def _style_font(style, east_asia: str, size=SIZE, bold: bool = False) -> None:
    _set_fonts(style.element.get_or_add_rPr(), east_asia)
    style.font.size, style.font.bold, style.font.italic = size, bold, False
    style.font.color.rgb = _BLACK


@functools.lru_cache(maxsize=None)
def _run_properties(font: str, bold: bool | None, size) -> CT_RPr:
    run = Run(OxmlElement("w:r"), None)
    _set_fonts(run._r.get_or_add_rPr(), font)
    if bold is not None:
        run.bold = bold
    if size is not None:
        run.font.size = size
    return run._r.rPr


def _run(paragraph, text: str, font: str = BODY, *, bold: bool | None = None, size=None):
    run = paragraph.add_run(text)
    run._r.insert(0, copy.deepcopy(_run_properties(font, bold, size)))   # one template per look: fast
    return run


def _append(doc, element) -> None:
    """Add ``element`` at the end of the body, before its last section's properties. (python-docx's
    ``add_paragraph`` searches the whole body for that place each time: slow for thousands of findings.)"""
    body = doc.element.body
    if len(body) and body[-1].tag == qn("w:sectPr"):
        body[-1].addprevious(element)
    else:
        body.append(element)


def _paragraph(doc, style_id: str | None = None) -> Paragraph:
    """A new paragraph at the end of the body, in the style with this id (python-docx's lookup by
    style name scans every style each time)."""
    p = OxmlElement("w:p")
    _append(doc, p)
    if style_id:
        p.style = style_id
    return Paragraph(p, doc._body)


def _font_table(doc) -> None:
    part = next(r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable"))
    root = parse_xml(part.blob)
    for name, (alt, panose) in FONTS.items():
        font = OxmlElement("w:font", {qn("w:name"): name})
        for tag, value in (("w:altName", alt), ("w:panose1", panose), ("w:charset", "86"),
                           ("w:family", "modern" if name != SONG else "auto"), ("w:pitch", "variable")):
            font.append(OxmlElement(tag, {qn("w:val"): value}))
        root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)  # a plain Part


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    _style_font(normal, BODY)
    rpr = normal.element.get_or_add_rPr()
    _before_any(rpr, OxmlElement("w:lang", {qn("w:val"): "en-US", qn("w:eastAsia"): "zh-CN"}),
                ("w:eastAsianLayout", "w:specVanish", "w:oMath"))
    pf = normal.paragraph_format
    pf.line_spacing, pf.space_before, pf.space_after, pf.first_line_indent = LINE, Pt(0), Pt(0), INDENT
    pf.widow_control = True
    title = doc.styles["Title"]
    _style_font(title, SONG, Pt(22), bold=True)
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    tf = title.paragraph_format
    tf.alignment, tf.first_line_indent, tf.line_spacing = WD_ALIGN_PARAGRAPH.CENTER, Pt(0), Pt(36)
    tf.space_before, tf.space_after = Pt(0), LINE
    for level, font, bold in ((1, HEI, False), (2, KAI, False), (3, BODY, True)):
        style = doc.styles[f"Heading {level}"]
        _style_font(style, font, bold=bold)
        hf = style.paragraph_format
        hf.space_before, hf.space_after, hf.line_spacing, hf.first_line_indent = Pt(0), Pt(0), LINE, INDENT
        hf.keep_with_next = True
    table = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table.base_style = normal
    _style_font(table, BODY, Pt(12))
    xf = table.paragraph_format
    xf.first_line_indent, xf.line_spacing = Pt(0), 1.15


def _page_number(section) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)
    _run(p, "— ", SONG, size=Pt(14))
    field = OxmlElement("w:fldSimple", {qn("w:instr"): " PAGE "})
    p._p.append(field)
    number = _run(p, "1", SONG, size=Pt(14))
    field.append(number._element)              # the field's cached result, replaced when the page is laid out
    _run(p, " —", SONG, size=Pt(14))


def _setup(doc, notice: Notice) -> None:
    _font_table(doc)
    _styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    _page_number(section)
    props = doc.core_properties
    props.title, props.subject = notice.title, f"{notice.site}网站政府信息公开检查"
    props.author = props.last_modified_by = notice.office
    props.keywords, props.comments = "整改通知", ""


def _para(doc, text: str = "", *, font: str = BODY, align=None, indent=True, bold=None) -> Paragraph:
    p = _paragraph(doc)
    if not indent:
        p.paragraph_format.first_line_indent = Pt(0)
    if align is not None:
        p.alignment = align
    if text:
        _run(p, text, font, bold=bold)
    return p


class _Stamp:
    """An element laid out once through python-docx, then copied for each use with its texts filled in
    (python-docx's object layer costs about a millisecond per paragraph: too slow for thousands of findings)."""

    def __init__(self, element):
        self.element = element

    def __call__(self, *texts: str):
        element = copy.deepcopy(self.element)
        for t, text in zip(element.iter(qn("w:t")), texts):
            t.text = text
            t.set(_XML_SPACE, "preserve")
        return element


def _text_stamps() -> tuple[_Stamp, _Stamp]:
    """A plain body paragraph, and one that starts with a bold label ("网址：…")."""
    plain = Paragraph(OxmlElement("w:p"), None)
    _run(plain, "·")
    labelled = Paragraph(OxmlElement("w:p"), None)
    _run(labelled, "·", bold=True)
    _run(labelled, "·")
    return _Stamp(plain._p), _Stamp(labelled._p)


def _heading(doc, text: str, level: int, font: str) -> None:
    _run(_paragraph(doc, "Title" if level == 0 else f"Heading{level}"), text, font)


def _body(doc, notice: Notice) -> None:
    plain, labelled = _text_stamps()
    _heading(doc, notice.title, 0, SONG)
    _para(doc, notice.addressee, indent=False)
    _append(doc, plain(notice.lead))
    _heading(doc, "一、检查总体情况", 1, HEI)
    for text in notice.overview:
        _append(doc, plain(text))
    if not notice.has_problems:
        return
    _heading(doc, "二、存在的问题", 1, HEI)
    for family in notice.families:
        _heading(doc, family.heading, 2, KAI)
        for problem in family.problems:
            _heading(doc, problem.heading, 3, BODY)
            for f in problem.findings:
                _append(doc, plain(f.label))
                _append(doc, labelled("网址：", f.url or "—"))
                if f.excerpt:
                    _append(doc, labelled("页面摘录：", f"“{f.excerpt}”"))
            _append(doc, labelled("依据：", problem.basis))
            _append(doc, labelled("整改要求：", problem.fix))
    _heading(doc, "三、整改要求", 1, HEI)
    for i, text in enumerate(notice.requirements, 1):
        _append(doc, plain(f"{i}. {text}"))
    _para(doc)
    _para(doc, f"附件：{FORM_TITLE}")


def _signature(doc, notice: Notice) -> None:
    _para(doc)
    _para(doc)
    for text in (notice.office, cn_date(notice.issued)):
        p = _para(doc, text, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        p.paragraph_format.right_indent = INDENT


def _borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(OxmlElement(f"w:{edge}", {qn("w:val"): "single", qn("w:sz"): "4",
                                                  qn("w:space"): "0", qn("w:color"): "000000"}))
    tblpr = table._tbl.tblPr
    _before_any(tblpr, borders, ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                                 "w:tblDescription"))


def _row_format(row, header: bool) -> None:
    row.height, row.height_rule = Cm(1.2 if not header else 0.9), WD_ROW_HEIGHT_RULE.AT_LEAST
    trpr = row._tr.get_or_add_trPr()
    height = trpr.find(qn("w:trHeight"))
    height.addprevious(OxmlElement("w:cantSplit"))     # a row is never split across two pages
    if header:
        height.addnext(OxmlElement("w:tblHeader"))     # the header row repeats on every page


def _cell(cell, text: str, style_id: str, *, center: bool = False, bold: bool | None = None) -> None:
    p = cell.paragraphs[0]
    p._p.style = style_id
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        _run(p, text, HEI if bold else BODY, size=Pt(12))
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER


def _form(doc, notice: Notice) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    _para(doc, "附件", font=HEI, indent=False)
    p = _paragraph(doc, "Heading1")
    p.alignment, p.paragraph_format.first_line_indent = WD_ALIGN_PARAGRAPH.CENTER, Pt(0)
    _run(p, FORM_TITLE, SONG, bold=True, size=Pt(18))
    fill = _para(doc, f"{notice.form_header}\t{FORM_DATE}", indent=False)
    fill.paragraph_format.tab_stops.add_tab_stop(sum(FORM_WIDTHS, Cm(0)), WD_TAB_ALIGNMENT.RIGHT)
    table = doc.add_table(rows=1, cols=len(FORM_HEADERS))
    table.style, table.alignment, table.autofit = doc.styles["Table Grid"], WD_TABLE_ALIGNMENT.CENTER, False
    _borders(table)
    for column, width in zip(table.columns, FORM_WIDTHS):
        column.width = width
    style_id = doc.styles[TABLE_STYLE].style_id
    header = table.rows[0]
    _row_format(header, header=True)
    for cell, text, width in zip(header.cells, FORM_HEADERS, FORM_WIDTHS):
        cell.width = width
        _cell(cell, text, style_id, center=True, bold=True)
    row = table.add_row()              # the finding's row, laid out once: cells take their widths from the grid
    _row_format(row, header=False)
    for i, cell in enumerate(row.cells):
        _cell(cell, "·" if i < 3 else "", style_id, center=i == 0)
    table._tbl.remove(row._tr)
    stamp = _Stamp(row._tr)
    for f in notice.findings:
        table._tbl.append(stamp(str(f.number), f.form_problem, f.url or "—"))
    _run(_para(doc, indent=False), "注：序号与通知正文中的问题编号一致；表格行数不够的可自行增加。", size=Pt(12))


def render(notice: Notice) -> bytes:
    doc = Document()
    _setup(doc, notice)
    _body(doc, notice)
    _signature(doc, notice)
    if notice.has_problems:
        _form(doc, notice)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
