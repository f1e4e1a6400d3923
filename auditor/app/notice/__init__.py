"""gkaudit notice: the 整改通知 a supervisory office sends an audited agency, from one run's report.

``content`` decides what the notice says; ``docx_writer`` and ``pdf_writer`` lay the same content out
as a Word document and as a PDF (an HTML page printed by headless Chromium).
"""
