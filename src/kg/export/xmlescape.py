"""Escape text for the hand-written XML of the GEXF and GraphML writers."""

from __future__ import annotations

import re

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile("[&<>\"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_escape(value) -> str:
    """VALUE as text safe inside a double-quoted attribute or an element.

    Characters XML 1.0 forbids (control characters, lone surrogates) become U+FFFD,
    since a label lifted from a scraped page can hold anything; whitespace other
    than spaces is written as character references so attribute values keep it.
    """
    text = str(value)
    if not _SPECIAL.search(text):  # the common case, and writers call this millions of times
        return text
    if _INVALID_XML.search(text):
        text = _INVALID_XML.sub("\ufffd", text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))
