"""Entry parsers: education, experience, publications, awards, skills, interests, kind."""

from __future__ import annotations

from parsing.extract_text import lines_from_text
from parsing.fields.awards import parse_awards
from parsing.fields.education import parse_education
from parsing.fields.experience import parse_experience
from parsing.fields.interests import interests_from_list, interests_from_prose
from parsing.fields.publications import parse_publications
from parsing.fields.skills import parse_skills
from parsing.models import Line
from parsing.pipeline import parse_extracted


def _lines(text: str) -> list[Line]:
    return list(lines_from_text(text).lines)


def test_education_degree_field_dates_gpa() -> None:
    found, jobs = parse_education(
        _lines(
            "Stanford University, Stanford, CA\tSep 2019 – Jun 2024\n"
            "Ph.D. in Computer Science; GPA: 3.95/4.0\n"
            "Tsinghua University\t2015 – 2019\n"
            "B.Eng. in Electronic Engineering, Rank: 3/120\n"
        )
    )
    assert jobs == []
    assert [(e.institution, e.degree, e.field, e.start, e.end, e.gpa) for e in found] == [
        (
            "Stanford University",
            "Ph.D.",
            "Computer Science",
            "2019-09",
            "2024-06",
            "3.95/4.0",
        ),
        ("Tsinghua University", "B.Eng.", "Electronic Engineering", "2015", "2019", None),
    ]


def test_education_degree_first_and_single_year() -> None:
    found, _ = parse_education(
        _lines("B.Sc.(Hons) University of Melbourne 1988\nPh.D. University of Melbourne 1992")
    )
    assert [(e.degree, e.institution, e.start, e.end) for e in found] == [
        ("B.Sc.(Hons)", "University of Melbourne", None, "1988"),
        ("Ph.D.", "University of Melbourne", None, "1992"),
    ]


def test_education_in_chinese() -> None:
    found, _ = parse_education(
        _lines("北京邮电大学, 硕士 2021 – 2024\n• 计算机学院，计算机技术专业，导师 周锋 教授")
    )
    assert [(e.institution, e.degree, e.field, e.start, e.end) for e in found] == [
        ("北京邮电大学", "硕士", "计算机技术", "2021", "2024")
    ]


def test_appointment_listed_under_education_becomes_experience() -> None:
    found, jobs = parse_education(
        _lines("Flatiron Institute, New York, NY\nResearch Fellow, Sept 2017 - Present\n")
    )
    assert found == []
    assert [(j.organization, j.title, j.start, j.end) for j in jobs] == [
        ("Flatiron Institute", "Research Fellow", "2017-09", "present")
    ]


def test_experience_roles_inherit_their_organization() -> None:
    jobs = parse_experience(
        _lines(
            "BBC\nSenior Software Engineer\nFeb 2017 – Oct 2018\n• Led things.\n"
            "Web Developer\nFeb 2016 – Jan 2017\n• Built things.\n"
            "Google\tMountain View, CA\nSoftware Engineer\tOct 2016 – Present\n"
        )
    )
    assert [(j.organization, j.title, j.start, j.end) for j in jobs] == [
        ("BBC", "Senior Software Engineer", "2017-02", "2018-10"),
        ("BBC", "Web Developer", "2016-02", "2017-01"),
        ("Google", "Software Engineer", "2016-10", "present"),
    ]


def test_experience_title_from_description_when_no_title_line() -> None:
    jobs = parse_experience(
        _lines(
            "Feb 2024 - Present Tencent AI Lab\n"
            "Since February 2024, I have been engaged as a research intern at Tencent AI Lab, "
            "working on large models.\n"
        )
    )
    assert [(j.organization, j.title) for j in jobs] == [("Tencent AI Lab", "Research Intern")]


def test_publications_author_year_style() -> None:
    pubs = parse_publications(
        _lines(
            "1. Hyndman, RJ and Y Fan (1996). Sample quantiles in statistical packages. "
            "The American Statistician 50(4), 361–365. [Citations: 1776].\n"
            "2. Doe, J., Roe, R. (2021) A study of things. arXiv preprint arXiv:2101.00001. "
            "Under review.\n"
        )
    )
    assert [(p.title, p.venue, p.year, p.status) for p in pubs] == [
        (
            "Sample quantiles in statistical packages",
            "The American Statistician",
            1996,
            "published",
        ),
        ("A study of things", "arXiv preprint arXiv:2101.00001", 2021, "under review"),
    ]
    assert pubs[1].authors == ("Doe, J.", "Roe, R.")


def test_publications_title_line_then_authors_then_venue() -> None:
    pubs = parse_publications(
        _lines(
            "[1] Probing Alignment in Language Models\nJane Doe, John Smith, Ann Lee\n"
            "ACL 2024 Findings.\n[2] Another Paper Title Here\nJane Doe\nUnder Review\n"
        )
    )
    assert [(p.title, p.venue, p.year) for p in pubs] == [
        ("Probing Alignment in Language Models", "ACL 2024 Findings", 2024),
        ("Another Paper Title Here", "Under Review", None),
    ]
    assert pubs[0].authors == ("Jane Doe", "John Smith", "Ann Lee")


def test_publications_with_description_bullets() -> None:
    pubs = parse_publications(
        _lines(
            "Scaling Laws for Widgets (Blog)\nAccepted by ICML 2022\n"
            "- We propose a new method for widgets.\n- We show it works.\n"
            "Robust Gadgets\nUnder Review\n- We study gadgets.\n"
        )
    )
    assert [(p.title, p.venue, p.year, p.status) for p in pubs] == [
        ("Scaling Laws for Widgets", "ICML 2022", 2022, "accepted"),
        ("Robust Gadgets", "Under Review", None, "under review"),
    ]


def test_publications_quoted_title_style() -> None:
    pubs = parse_publications(
        _lines('- J. Doe and A. Roe, "Fast widget search," in Proc. CVPR, 2020, pp. 1-9.')
    )
    assert [(p.title, p.year) for p in pubs] == [("Fast widget search", 2020)]


def test_awards_year_before_or_after_and_descriptions_skipped() -> None:
    awards = parse_awards(
        _lines(
            "Best Paper Award 2022, University of X\n Given to one paper a year\n"
            "2019 National Scholarship\nFellow of the Royal Society (elected 2021).\n"
            "阿里云 年度 最佳新人奖 2025 年 05 月\n"
        )
    )
    assert [(a.title, a.year) for a in awards] == [
        ("Best Paper Award", 2022),
        ("National Scholarship", 2019),
        ("Fellow of the Royal Society", 2021),
        ("阿里云 年度 最佳新人奖", 2025),
    ]


def test_skills_drop_categories_and_keep_items() -> None:
    skills = parse_skills(
        _lines(
            "- Deep Learning: PyTorch, JAX, SGE(Sun Grid Engine)\n"
            "Programming Languages Python, C/C++, R\nLanguages: English (native)\n"
        )
    )
    assert [v.text for v in skills] == [
        "PyTorch",
        "JAX",
        "SGE(Sun Grid Engine)",
        "Python",
        "C/C++",
        "R",
        "English",
    ]


def test_interests_from_a_list_and_from_prose() -> None:
    listed = interests_from_list(
        _lines("Variable selection, multivariate analysis, singular\nvalue decomposition.")
    )
    assert [v.text for v in listed] == [
        "Variable selection",
        "multivariate analysis",
        "singular value decomposition",
    ]
    prose = interests_from_prose(
        _lines("My research focuses on protein folding. I am interested in graph neural networks.")
    )
    assert [v.text for v in prose] == ["protein folding", "graph neural networks"]


def test_interests_enumerated_in_a_statement() -> None:
    prose = interests_from_prose(
        _lines(
            "My interests lie in (1) robust optimisation, (2) causal inference and (3) fairness."
        )
    )
    assert [v.text for v in prose] == ["robust optimisation", "causal inference", "fairness"]


def test_kind_statement_cv_other() -> None:
    statement = lines_from_text(
        "Research Statement\nJane Doe\n\n"
        + "I study proteins because my curiosity is endless. " * 20
    )
    cv = lines_from_text(
        "Jane Doe\nEducation\nMIT, PhD, 2015 – 2020\nExperience\nGoogle, Engineer, 2020 – Present\n"
        "Skills\nPython\n"
    )
    paper = lines_from_text(
        "Abstract\n" + "The proposed method improves results on benchmarks. " * 20
    )
    assert parse_extracted(statement).kind == "statement"
    assert parse_extracted(cv).kind == "cv"
    assert parse_extracted(paper).kind == "other"


def test_evidence_points_at_the_value() -> None:
    extracted = lines_from_text("Jane Doe\njane@example.org\n")
    profile = parse_extracted(extracted).profile
    email = profile.emails[0]
    assert email.evidence is not None
    assert extracted.text[email.evidence.start : email.evidence.end] == "jane@example.org"


def test_publication_styles_from_other_fields_and_languages() -> None:
    pubs = parse_publications(
        _lines(
            "2021 C. Durand et P. Martin. « Un corpus arboré du français parlé ». "
            "Traitement Automatique des Langues, 62(2) : 45–71.\n"
            "2019 J. Weiss, T. Neumann: Adaptive Partitioning for Graph Queries. In: BTW 2019.\n"
            "T. Lindqvist, “Identifiability of latent event intensities,” arXiv preprint, 2024.\n"
            "Nguyen, T. P., & Feld, M. (in press). Eye-tracking in noise. Journal of Child "
            "Psychology.\n"
            "Okonkwo, M. (2021). Who trains? Informal firms and skill formation. World Bank "
            "Economic Review, 35(2), 1–20.\n"
            "Lee, A. (2023). Calibration. Proc. 40th Int. Conf. Machine Learning (ICML), pp. 1–9.\n"
        )
    )
    assert [(p.title, p.year) for p in pubs] == [
        ("Un corpus arboré du français parlé", 2021),
        ("Adaptive Partitioning for Graph Queries", 2019),
        ("Identifiability of latent event intensities", 2024),
        ("Eye-tracking in noise", None),
        ("Who trains? Informal firms and skill formation", 2021),
        ("Calibration", 2023),
    ]
    assert pubs[4].venue == "World Bank Economic Review"
    assert pubs[5].venue == "Proc. 40th Int. Conf. Machine Learning (ICML)"
    assert pubs[3].status == "accepted"


def test_bullet_only_sections_are_entries() -> None:
    lines = _lines(
        "* since 2017: Head of Clinical Research, University Hospital Frankfurt\n"
        "* 2013-2015: Study Coordinator, Central Institute of Mental Health\n"
    )
    assert [(j.organization, j.title, j.start, j.end) for j in parse_experience(lines)] == [
        ("University Hospital Frankfurt", "Head of Clinical Research", "2017", "present"),
        ("Central Institute of Mental Health", "Study Coordinator", "2013", "2015"),
    ]
    found, _ = parse_education(
        _lines("* B.S. in Earth Science, University of California, Irvine, 2005\n")
    )
    assert [(e.institution, e.degree, e.field, e.end) for e in found] == [
        ("University of California, Irvine", "B.S.", "Earth Science", "2005")
    ]


def test_dates_above_their_entry_and_ranges_split_over_lines() -> None:
    jobs = parse_experience(
        _lines(
            "Jan 2019-Present\nSecurity Engineer, Ethereum Foundation.\n\n"
            "Aug 2012-May 2013\nResearch Assistant, Rice University.\n"
            "06/2023 –\n09/2023 Research Intern, Google DeepMind\n"
        )
    )
    assert [(j.organization, j.title, j.start, j.end) for j in jobs] == [
        ("Ethereum Foundation", "Security Engineer", "2019-01", "present"),
        ("Rice University", "Research Assistant", "2012-08", "2013-05"),
        ("Google DeepMind", "Research Intern", "2023-06", "2023-09"),
    ]


def test_roles_at_organisations_in_other_languages() -> None:
    jobs = parse_experience(
        _lines(
            "2018 – présent\tIngénieure de recherche au Laboratoire ICAR\n"
            "2014 - 2016\tSOA-Architekt bei dm-drogerie markt GmbH\n"
        )
    )
    assert [(j.organization, j.title, j.end) for j in jobs] == [
        ("Laboratoire ICAR", "Ingénieure de recherche", "present"),
        ("dm-drogerie markt GmbH", "SOA-Architekt", "2016"),
    ]


def test_interests_as_bullets_after_a_run_in_heading_and_hobbies_are_not_research() -> None:
    text = (
        "Research Statement\nJane Doe\n\nMy research lies at the intersection of many fields "
        "and I have worked on them for years with great colleagues around the world.\n"
        "Research interests. Concretely, my interests are:\n"
        "• verified compilation of domain-specific languages\n"
        "• proof repair at scale\n"
    )
    profile = parse_extracted(lines_from_text(text)).profile
    assert [v.text for v in profile.research_interests] == [
        "verified compilation of domain-specific languages",
        "proof repair at scale",
    ]
    hobbies = interests_from_list(_lines("Bouldering, amateur astronomy, chess"))
    assert hobbies == []


def test_cv_intro_sentence_names_interests() -> None:
    text = (
        "# Kai Doe\n\n## About Me\nResearch topics that I am interested in include approximate "
        "inference, generative models and probabilistic programming.\n\n## Education\n"
        "MIT, PhD, 2015 – 2020\n## Experience\nGoogle, Engineer, 2020 – Present\n"
    )
    profile = parse_extracted(lines_from_text(text, "md")).profile
    assert [v.text for v in profile.research_interests] == [
        "approximate inference",
        "generative models",
        "probabilistic programming",
    ]


def test_name_from_front_matter_and_a_cv_for_title() -> None:
    front = lines_from_text(
        "---\nlayout: cv\nauthor: Zhanhong Cheng\n---\n# Education\nMIT\n", "md"
    )
    assert parse_extracted(front).profile.name.text == "Zhanhong Cheng"
    titled = lines_from_text("# CV for Jane Roe\n\n## Education\nMIT, PhD, 2020\n", "md")
    assert parse_extracted(titled).profile.name.text == "Jane Roe"
