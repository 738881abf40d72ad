"""
Uploaded bytes to text, or a message saying what the file is and how to save it properly.

Only UTF-8 is accepted (with or without the byte-order mark Excel's "CSV UTF-8" writes). Guessing a
legacy encoding such as Windows-1252 would quietly turn a file in any other one into wrong letters
that are then written to the site, so such a file is refused, naming the line of its first unreadable
byte; the editor saves it again as UTF-8 and loses nothing.
"""

from .errors import ImportFileError

SAVE_AS_UTF8 = "In your spreadsheet choose 'Save as' > 'CSV UTF-8 (comma delimited)' and upload that file."
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls (Excel 97-2003) and other old Office files


def decode_text(data: bytes) -> str:
    """The file's text without a byte-order mark; every reason it is not UTF-8 text raises ImportFileError."""
    if data.startswith(UTF16_BOMS):
        raise ImportFileError(f"The file is saved as UTF-16 ('Unicode Text'), not UTF-8. {SAVE_AS_UTF8}")
    if data.startswith(OLE2_MAGIC):
        raise ImportFileError(
            "This is an old-style Excel file (.xls). Save it as an Excel Workbook (.xlsx) or as "
            "'CSV UTF-8 (comma delimited)' and upload that file."
        )
    if b"\x00" in data:
        raise ImportFileError(
            "This is not a CSV text file (it contains binary data), nor an Excel workbook (.xlsx). "
            "Save your spreadsheet as 'CSV UTF-8 (comma delimited)' and upload that file."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"The file is not UTF-8 text (byte 0x{data[error.start]:02X} on line {line} is not valid UTF-8). "
            + SAVE_AS_UTF8
        ) from None
