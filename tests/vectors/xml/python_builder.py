"""Builds every document of documents.json with the official Python SDK's
XML builder (plivo.plivoxml) and prints {id: {"xml": ...} or {"error": ...}}
as JSON. Pure: no client, no network. Run by run.sh."""

import json
import re
import sys

from plivo import plivoxml

CLASSES = {
    "Response": "ResponseElement", "Speak": "SpeakElement", "Play": "PlayElement",
    "GetDigits": "GetDigitsElement", "GetInput": "GetInputElement", "Record": "RecordElement",
    "Dial": "DialElement", "Number": "NumberElement", "User": "UserElement",
    "Message": "MessageElement", "Redirect": "RedirectElement", "Wait": "WaitElement",
    "Hangup": "HangupElement", "PreAnswer": "PreAnswerElement", "Conference": "ConferenceElement",
    "DTMF": "DTMFElement", "MultiPartyCall": "MultiPartyCallElement", "Stream": "StreamElement",
    "break": "BreakElement", "emphasis": "EmphasisElement", "lang": "LangElement", "p": "PElement",
    "phoneme": "PhonemeElement", "prosody": "ProsodyElement", "s": "SElement",
    "say-as": "SayAsElement", "sub": "SubElement", "w": "WElement",
}
# Elements whose constructor takes no `content`.
NO_CONTENT = {"Response", "GetDigits", "GetInput", "Record", "Dial", "Wait", "Hangup", "PreAnswer"}
# Keyword arguments not spelled as the attribute in snake_case.
KWARGS = {"async": "async_", "xml:lang": "xmllang", "interpret-as": "interpret_as"}


def kwarg(tag, name):
    if tag == "Stream":  # StreamElement takes the attribute names as they are
        return name
    if name in KWARGS:
        return KWARGS[name]
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def build(node):
    tag, content = node["tag"], list(node["content"])
    kwargs = {kwarg(tag, k): v for k, v in node["attrs"].items()}
    cls = getattr(plivoxml, CLASSES[tag])
    if tag in NO_CONTENT:
        element = cls(**kwargs)
    else:
        text = content.pop(0) if content and isinstance(content[0], str) else ""
        element = cls(text, **kwargs)
    for child in content:
        if isinstance(child, str):
            # Only <Speak> takes text after a child, as <cont> (written as spaces around the text).
            if tag != "Speak":
                raise ValueError(f"text after a child of <{tag}> cannot be built")
            element.add_cont(child)
        else:
            element.add(build(child))
    return element


def main():
    documents = json.load(open(sys.argv[1], encoding="utf-8"))["documents"]
    out = {}
    for document in documents:
        try:
            out[document["id"]] = {"xml": build(document["tree"]).to_string(False)}
        except Exception as error:  # the SDK refused the document: keep why
            out[document["id"]] = {"error": f"{type(error).__name__}: {error}"}
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main()
