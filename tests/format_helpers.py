"""Small files of every format, made here: a PDF (a minimal writer), a DOCX (python-docx), a feed."""

from __future__ import annotations

from pathlib import Path


def make_pdf(path: Path, lines: list[str], *, title: str | None = None) -> Path:
    """Write a one-page PDF whose text layer holds ``lines`` (Helvetica, one line each)."""
    body = "BT /F1 11 Tf 72 720 Td 14 TL " + " ".join(f"({_pdf_escape(line)}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if title is not None:
        objects.append(f"<< /Title ({_pdf_escape(title)}) >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    info = f" /Info {len(objects)} 0 R" if title is not None else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_docx(path: Path, paragraphs: list[str], *, title: str | None = None) -> Path:
    """Write a Word document with these paragraphs (and a title in its properties)."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if title is not None:
        document.core_properties.title = title
    document.save(str(path))
    return path


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Balkan Desk</title><link>https://example.org/</link>
<item><title>Kosovo and Serbia resume talks</title><link>https://example.org/a/1</link>
<guid>a-1</guid><pubDate>Wed, 26 Jun 2024 09:30:00 +0200</pubDate>
<description>&lt;p&gt;Kosovo and Serbia resumed talks in Brussels on Wednesday, officials said.&lt;/p&gt;
</description></item>
<item><title>Headline only</title><link>https://example.org/a/2</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2024-06-27T10:00:00Z</updated>
<entry><title>Police detain protesters</title><id>urn:wire:1</id><link href="https://example.org/b/1"/>
<updated>2024-06-27T10:00:00Z</updated>
<content type="html">&lt;p&gt;Police detained twelve protesters in Belgrade on Thursday.&lt;/p&gt;
&lt;p&gt;The interior ministry said they had blocked a road.&lt;/p&gt;</content>
</entry></feed>
"""
