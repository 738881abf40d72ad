"""
The family justice board report: one printable page per Designated Family Judge area (board_report.py
gathers its sections, trend.py and context.py draw them) and the same report as a PDF, built by the task
worker with WeasyPrint (pdf.py, tasks.py) and never in a visitor's request.
"""
