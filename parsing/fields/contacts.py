"""Emails, phones and profile links: the candidate's own, not a referee's or a paper's."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

from parsing.models import Evidence, Line, LinkTarget, Value

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
# "chris AT example.org", "jane [at] uni [dot] edu", "bob (at) mail.com"
_OBFUSCATED = re.compile(
    r"(?<![\w.])([A-Za-z0-9][\w.+-]*)\s*(?:\[at\]|\(at\)|\{at\}|\sAT\s|\s@\s|＠)\s*"
    r"([A-Za-z0-9-]+(?:\s*(?:\.|\[dot\]|\(dot\)|\sDOT\s)\s*[A-Za-z0-9-]+)+)",
)
_DOT = re.compile(r"\s*(?:\[dot\]|\(dot\)|\sDOT\s)\s*")
_PHONE = re.compile(
    r"(?<![\w+/.])(\+?\s?\(?\d{1,4}\)?(?:(?:[ .\-–‐]{0,2}|\s?/\s?)\(?\d{1,5}\)?){1,6})(?![\w/])"
)
_PHONE_LABEL = re.compile(
    r"(?i)(?:phone|mobile|mob\.?|cell|tel\.?|telephone|téléphone|telefon|teléfono|handy|"
    r"电话|手机|联系电话)\s*[:：.]?\s*$"
)
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'|,;)\]}]+")
_TLDS = (
    "com org net edu io me dev ai co codes info site page app xyz tech blog science "
    "uk de fr cn in jp kr ca au nl ch se no fi dk es it pt be at pl ru br hk tw sg us eu ly"
)
_BARE_DOMAIN = re.compile(
    r"(?i)(?<![\w@./-])((?:[a-z0-9][a-z0-9-]*\.)+(?:" + "|".join(_TLDS.split()) + r"))"
    r"(/[^\s<>\"'|,;)\]}]*)?(?![\w@-])"
)
PROFILE_HOSTS = (
    "github.com",
    "gitlab.com",
    "linkedin.com",
    "scholar.google",
    "orcid.org",
    "twitter.com",
    "x.com",
    "researchgate.net",
    "huggingface.co",
    "kaggle.com",
    "dblp.org",
    "dblp.uni-trier.de",
    "semanticscholar.org",
    "medium.com",
    "bitbucket.org",
    "stackoverflow.com",
    "zhihu.com",
    "bsky.app",
    "mastodon",
    "github.io",
    "about.me",
    "bit.ly",
    "weibo.com",
    "gitee.com",
)
_NOT_PROFILE = (
    "arxiv.org",
    "doi.org",
    "openreview.net",
    "aclanthology.org",
    "aclweb.org",
    "proceedings",
    "ieeexplore",
    "dl.acm.org",
    "springer",
    "sciencedirect",
    "jstor",
    "youtube.com",
    "vimeo.com",
    "cran.r-project.org",
    "pypi.org",
    "wikipedia.org",
    "overleaf",
    "google.com/maps",
    "zoom.us",
    "forms.gle",
    "tinyurl.com/paper",
)


def _value(text: str, line: Line, start: int = 0, confidence: float = 0.95) -> Value:
    begin = line.start + start
    return Value(text, Evidence(line.page, begin, begin + len(text)), confidence)


def find_emails(lines: Iterable[Line]) -> list[Value]:
    found: dict[str, Value] = {}
    for line in lines:
        for m in _EMAIL.finditer(line.text):
            email = m.group(0).rstrip(".")
            found.setdefault(email.casefold(), _value(email, line, m.start()))
        for m in _OBFUSCATED.finditer(line.text):
            email = f"{m.group(1)}@{_DOT.sub('.', m.group(2))}".replace(" ", "")
            if _EMAIL.fullmatch(email):
                found.setdefault(email.casefold(), _value(email, line, m.start(), 0.8))
    return list(found.values())


def _phone_ok(text: str, labelled: bool) -> bool:
    digits = re.sub(r"\D", "", text)
    if not 7 <= len(digits) <= 15:
        return False
    if re.fullmatch(r"\s*(?:19|20)\d\d\s*[-–‐]\s*(?:19|20)\d\d\s*", text):
        return False
    if re.fullmatch(r"\d{4}\.\d{4,5}", text.strip()):  # an arXiv id
        return False
    if re.search(r"(?<!\d)(?:0?[1-9]|1[0-2])[/.](?:19|20)\d\d(?!\d)", text):
        return False  # "10/2016-09/2018" is a date range
    groups = re.findall(r"\d+", text)
    if len(groups) == 1 and not text.strip().startswith("+"):
        return labelled and len(digits) >= 8
    if len(digits) < 9 and not labelled:
        return False
    return labelled or text.strip().startswith(("+", "(")) or len(groups) >= 3


def find_phones(lines: Iterable[Line], labelled_only: bool = False) -> list[Value]:
    found: dict[str, Value] = {}
    for line in lines:
        masked = _EMAIL.sub(lambda m: " " * len(m.group(0)), line.text)
        masked = _URL.sub(lambda m: " " * len(m.group(0)), masked)
        for m in _PHONE.finditer(masked):
            text = m.group(1).strip(" .-–")
            labelled = bool(_PHONE_LABEL.search(masked[: m.start(1)]))
            if labelled_only and not labelled:
                continue
            if _phone_ok(text, labelled):
                key = re.sub(r"\D", "", text)
                found.setdefault(key, _value(text, line, m.start(1) + m.group(1).find(text)))
    return list(found.values())


def clean_link(url: str) -> str:
    """The link as written, without its scheme or a trailing slash."""
    url = unquote(url.strip()).strip(".,;:")
    url = re.sub(r"(?i)^[a-z][a-z0-9+.-]*://", "", url)
    return url.rstrip("/")


def link_key(url: str) -> str:
    return re.sub(r"^www\.", "", clean_link(url).casefold())


# Hosts that name a person wherever they appear; personal pages (github.io, bit.ly) only
# count in the contact block, since elsewhere they are usually a project's page.
_PERSON_HOSTS = (
    "github.com", "gitlab.com", "linkedin.com", "scholar.google", "orcid.org", "twitter.com",
    "x.com", "researchgate.net", "huggingface.co", "dblp.org", "semanticscholar.org",
)  # fmt: skip


def is_profile_link(url: str, strict: bool = False) -> bool:
    key = link_key(url)
    if any(bad in key for bad in _NOT_PROFILE):
        return False
    host = key.split("/", 1)[0]
    path = key.split("/", 1)[1] if "/" in key else ""
    if host.endswith(("github.com", "gitlab.com", "gitee.com")):
        return 0 < len([p for p in path.split("/") if p]) <= 1  # a user, not a repository
    hosts = _PERSON_HOSTS if strict else PROFILE_HOSTS
    return any(host == h or host.endswith("." + h) or key.startswith(h) for h in hosts)


def _looks_like_paper_or_file(key: str) -> bool:
    return bool(re.search(r"\.(?:pdf|png|jpe?g|zip|docx?)$", key)) or any(
        bad in key for bad in _NOT_PROFILE
    )


def find_links(
    zone: Iterable[Line], everywhere: Iterable[Line], targets: Iterable[LinkTarget]
) -> list[Value]:
    """Links written in the contact zone, profile links anywhere, and annotation targets."""
    found: dict[str, Value] = {}

    def add(url: str, line: Line | None, start: int = 0, confidence: float = 0.9) -> None:
        text = clean_link(url)
        key = link_key(text)
        if not key or "." not in key.split("/", 1)[0] or _looks_like_paper_or_file(key):
            return
        if key in found:
            return
        value = _value(text, line, start, confidence) if line else Value(text, None, confidence)
        found[key] = value

    zone = list(zone)
    for line in zone:
        for url, start in _urls_in(line.text):
            add(url, line, start)
    for line in everywhere:
        for url, start in _urls_in(line.text):
            if is_profile_link(url, strict=True):
                add(url, line, start, 0.8)
    zone_text = " ".join(line.text for line in zone)
    for target in targets:
        url = target.url
        if url.lower().startswith(("mailto:", "tel:", "#")) or not url:
            continue
        anchor_in_zone = bool(target.anchor.strip()) and target.anchor.strip() in zone_text
        if is_profile_link(url, strict=True) or (anchor_in_zone and target.page == 0):
            add(url, None, 0, 0.85)
    return list(found.values())


def _urls_in(text: str) -> list[tuple[str, int]]:
    masked = _EMAIL.sub(lambda m: " " * len(m.group(0)), text)
    out = [(m.group(0).rstrip(".,:;"), m.start()) for m in _URL.finditer(masked)]
    masked = _URL.sub(lambda m: " " * len(m.group(0)), masked)
    for m in _BARE_DOMAIN.finditer(masked):
        host = m.group(1).lower()
        if re.fullmatch(r"[a-z]{1,3}\.[a-z]{2}", host):  # "e.g", "i.e", "u.s"
            continue
        out.append(((m.group(0)).rstrip(".,:;"), m.start()))
    return out


def annotation_emails(targets: Iterable[LinkTarget]) -> list[Value]:
    out = []
    for target in targets:
        if target.url.lower().startswith("mailto:"):
            address = unquote(target.url[7:].split("?", 1)[0]).strip()
            if _EMAIL.fullmatch(address):
                out.append(Value(address, None, 0.9))
    return out


def annotation_phones(targets: Iterable[LinkTarget]) -> list[Value]:
    out = []
    for target in targets:
        if target.url.lower().startswith("tel:"):
            number = unquote(target.url[4:]).strip()
            if 7 <= len(re.sub(r"\D", "", number)) <= 15:
                out.append(Value(number, None, 0.85))
    return out
