"""The write side: every change to what the store holds goes through a function here.

Each module takes validated input (a pydantic ``*In`` model or a file read by ``filedata``
and ``workbook``), writes it in one transaction, and raises an ``errors`` exception that
says how to fix bad input. Reading for pages, the report and the CLI is ``planwatch.reads``.
"""
