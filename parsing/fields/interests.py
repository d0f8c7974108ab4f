"""Research interests: short topic phrases from an interests section or a statement's own list.

Three shapes occur: a list ("Variable selection, multivariate analysis, ..."), topic
sub-headings inside an interests section (a statement's bold run-in titles), and prose
("My research focuses on X. I'm interested in Y, as well as Z").
"""

from __future__ import annotations

import re

from parsing.fields.entries import strip_bullet
from parsing.models import Evidence, Line, Value

MAX_WORDS = 8
_CUE = re.compile(
    r"(?i)\b(?:focus(?:es|ed|ing)? (?:on|in)|interested in|interests? (?:lies?|is|are|include)"
    r"(?: in)?|(?:primarily |mainly )?cover(?:s|ed|ing)?|research on|work(?:ing)? on|"
    r"specializ(?:e|ing) in|passionate about|centers? on|"
    r"aspect|such as|including|include|lies? in|in the (?:areas?|fields?) of)\b"
    r"\s*:?\s*"
)
_ENUMERATION = re.compile(r"\(\s*(?:\d{1,2}|[ivx]{1,4}|[a-h])\s*\)\s*")
_SPLIT = re.compile(r"\s*(?:[,;，；、]|\bas well as\b)\s*")
_PURPOSE = re.compile(r"\s+to\s+(?:improve|enable|enhance|support|study|understand|advance)\s+")
_STOP = re.compile(
    r"(?i)\s+(?:to|in order to|that|which|where|because|so that|while|with the goal|"
    r"in the future|during|for my|and plan|and hope)\b.*$"
)
_LEAD = re.compile(
    r"(?i)^(?:the |a |an |my |our |both |also |more |especially |particularly |"
    r"designing |developing |building |studying |improving |understanding |applying |"
    r"traditional |various |several |two |three |key |novel |new )+"
)
_GENERIC = re.compile(
    r"(?i)^(?:research|ai|ml|this|it|them|these|those|topics?|areas?|fields?|"
    r"two fields|three key subfields|subfields|directions?|problems?|the following|plan|"
    r"latter|former|aspects?|applications?|knowledge)$"
)


_HOBBIES = re.compile(
    r"(?i)\b(?:hiking|climbing|bouldering|running|cycling|swimming|football|soccer|tennis|chess|"
    r"music|piano|guitar|violin|singing|reading|travel(?:ling|ing)?|photography|cooking|baking|"
    r"painting|drawing|yoga|skiing|astronomy|gardening|dancing|movies|films?|gaming|sports?|"
    r"basketball|volleyball|badminton|table tennis|marathons?|theatre|theater|knitting|fishing)\b"
)


def interests_from_list(lines: list[Line]) -> list[Value]:
    """An interests section written as a list, or as topic sub-headings with prose.

    An 'Interests' section of hobbies (bouldering, chess) holds no research interests.
    """
    found = _interests_in_section(lines)
    hobbies = sum(1 for v in found if _HOBBIES.search(v.text))
    return [] if found and hobbies * 2 >= len(found) else found


def _interests_in_section(lines: list[Line]) -> list[Value]:
    bullets = [line for line in lines if strip_bullet(line.text) != line.text.strip()]
    if len(bullets) >= 2:
        items = [_value(t, line) for line in bullets if (t := _tidy(strip_bullet(line.text)))]
        if len(items) >= 2:
            return _dedupe(items)
    titles = [line for line in lines if line.bold and len(line.text.split()) <= MAX_WORDS]
    if len(titles) >= 2:
        return [_value(line.text.strip(" .:"), line) for line in titles]
    text_lines = [line for line in lines if line.text.strip()]
    if _one_per_line(text_lines):
        return _dedupe(
            [_value(t, line) for line in text_lines if (t := _tidy(strip_bullet(line.text)))]
        )
    joined = " ".join(strip_bullet(line.text) for line in text_lines)
    if _is_list(joined):
        return _phrases(joined, text_lines)
    return interests_from_prose(text_lines)


def _one_per_line(lines: list[Line]) -> bool:
    """'Labor economics' / 'Development economics' / ...: a topic per line, no punctuation."""
    if len(lines) < 2:
        return False
    texts = [strip_bullet(line.text).strip() for line in lines]
    short = all(1 <= len(t.split()) <= MAX_WORDS and not re.search(r"[,;.]\s", t) for t in texts)
    return short and not any(t[:1].islower() for t in texts[1:])


def _is_list(text: str) -> bool:
    pieces = [p for p in re.split(r"[,;，；、•·|]", text) if p.strip()]
    if len(pieces) < 2:
        return len(text.split()) <= MAX_WORDS
    return sum(len(p.split()) for p in pieces) / len(pieces) <= 5


def _phrases(text: str, lines: list[Line]) -> list[Value]:
    out = []
    for piece in re.split(r"\s*[,;，；、•·|]\s*|\.\s+|\.$", text):
        phrase = _tidy(piece)
        if phrase:
            out.append(_value(phrase, _line_of(phrase, lines)))
    return _dedupe(out)


_RESEARCH = re.compile(r"(?i)research|研究|recherche|forschung|investigaci")


def interests_from_prose(
    lines: list[Line], about_research: bool = False, interest_word: bool = False
) -> list[Value]:
    """Topics named after cue phrases; over a whole statement, only research sentences."""
    out: list[Value] = []
    for sentence, line in _sentences(lines):
        if about_research and not _RESEARCH.search(sentence):
            continue
        if interest_word and not re.search(r"(?i)interest", sentence):
            continue
        out.extend(_from_sentence(sentence, line))
    return _dedupe(out)


def _sentences(lines: list[Line]) -> list[tuple[str, Line]]:
    """Sentences across wrapped lines, each with the line it starts on."""
    starts: list[tuple[int, Line]] = []
    text = ""
    for line in lines:
        starts.append((len(text), line))
        text += line.text.strip() + " "
    out = []
    for match in re.finditer(r"[^.!?。！？]+[.!?。！？]?", text):
        sentence = match.group(0).strip()
        if sentence:
            line = next(ln for pos, ln in reversed(starts) if pos <= match.start())
            out.append((sentence, line))
    return out


def _from_sentence(sentence: str, line: Line) -> list[Value]:
    if _ENUMERATION.search(sentence):
        parts = _ENUMERATION.split(sentence)[1:]
        return [_value(p, line) for p in map(_tidy, parts) if p]
    cue = _CUE.search(sentence)
    if not cue:
        return []
    cues = list(_CUE.finditer(sentence))
    out = []
    for index, cue in enumerate(cues):
        stop = cues[index + 1].start() if index + 1 < len(cues) else len(sentence)
        for piece in _last_and(_SPLIT.split(sentence[cue.end() : stop])):
            for part in _PURPOSE.split(piece):
                phrase = _tidy(part)
                if phrase:
                    out.append(_value(phrase, line))
    return out


def _last_and(pieces: list[str]) -> list[str]:
    """'A, B and C': the last item of a comma list splits at its 'and'."""
    if len(pieces) >= 2 and " and " in pieces[-1]:
        return [*pieces[:-1], *pieces[-1].split(" and ", 1)]
    return pieces


def _tidy(piece: str) -> str | None:
    piece = re.sub(r"\s+", " ", piece).strip(" .:;,-–—\"'“”()")
    piece = re.sub(r"(?i)^(?:and|or|as well as|e\.g\.|i\.e\.)\s+", "", piece)
    piece = re.sub(r"(?i)\b(?:in|on|of|for) the future\b.*$", "", piece)
    piece = _STOP.sub("", piece)
    piece = _LEAD.sub("", piece).strip(" .:;,")
    piece = re.sub(r"(?i)^(?:the )?(?:fields?|areas?|domains?|topics?) of\s+", "", piece)
    piece = re.sub(r"(?i)[\s,]+(?:and|or)$", "", piece).strip(" ,")
    words = piece.split()
    if not words or len(words) > MAX_WORDS or _GENERIC.match(piece):
        return None
    if len(piece) < 3 or not re.search(r"[A-Za-z\u3400-\u9fff]", piece):
        return None
    return piece


def _line_of(phrase: str, lines: list[Line]) -> Line:
    head = phrase.split()[0]
    return next((line for line in lines if head in line.text), lines[0])


def _value(text: str, line: Line) -> Value:
    position = line.text.find(text)
    start = line.start + max(position, 0)
    end = start + len(text) if position >= 0 else line.end
    return Value(text, Evidence(line.page, start, end), 0.7)


def _dedupe(values: list[Value]) -> list[Value]:
    seen: set[str] = set()
    out = []
    for value in values:
        key = value.text.casefold()
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out
