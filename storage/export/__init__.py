"""The shortlist leaves the laptop: CSV, XLSX, JSON, Markdown, a PDF report and a packet.

No Qt here: the PDF report is built as HTML (`report_html.py`) and handed to a renderer
the caller passes in (`ui/report_pdf.py` for the window and the command line).
"""
