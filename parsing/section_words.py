"""Section-heading vocabulary: canonical section kind -> the phrases that name it.

Phrases are lower-case and separated by "; ", matched against a normalised heading
(see `sections.normalize_heading`). Add a spelling here, not a rule in code.
"""

from __future__ import annotations

_PHRASES: dict[str, str] = {
    "education": (
        "parcours universitaire; parcours académique; formación universitaria; "
        "education; educations; academic background; educational "
        "background; academic qualifications; qualifications; education and "
        "qualifications; education and training; academic education; "
        "degrees; academic history; academic record; studies; 教育经历; 教育背景; "
        "学历; 教育; 学习经历; formation; formations; études; etudes; parcours "
        "académique; diplômes; formation académique; ausbildung; bildung; "
        "studium; akademischer werdegang; schulbildung; bildungsweg; "
        "educación; formación; formación académica; estudios; istruzione; "
        "formazione"
    ),
    "experience": (
        "wissenschaftlicher werdegang; werdegang; beruflicher werdegang; "
        "parcours; trayectoria profesional; trayectoria; "
        "experience; experiences; work experience; professional experience; "
        "employment; employment history; work history; research experience; "
        "academic experience; academic appointments; appointments; "
        "positions; professional positions; academic positions; positions "
        "held; current position; current positions; previous positions; "
        "internship; internships; internship experience; career; career "
        "history; professional appointments; research positions; teaching "
        "experience; industry experience; relevant experience; work; "
        "employment and experience; research appointments; professional "
        "employment; research and work experience; 工作经历; 实习经历; 工作经验; 科研经历; "
        "研究经历; 实习经验; 工作; 实习; expérience; expériences; expérience "
        "professionnelle; expériences professionnelles; parcours "
        "professionnel; berufserfahrung; berufliche erfahrung; beruflicher "
        "werdegang; praktika; praktische erfahrung; experiencia; "
        "experiencia profesional; experiencia laboral; experiencia "
        "investigadora; esperienza; esperienze lavorative"
    ),
    "publications": (
        "manuscripts in review; papers under review; manuscripts under review; "
        "submitted manuscripts; manuscripts submitted; journal publications; "
        "conference publications; peer-reviewed articles; peer reviewed articles; "
        "publications; publication; selected publications; papers; journal "
        "articles; journal papers; conference papers; conference "
        "proceedings; preprints; manuscripts; working papers; books; book "
        "chapters; research papers; refereed publications; peer reviewed "
        "publications; publications and preprints; manuscript in "
        "preparation; manuscripts in preparation; papers in preparation; "
        "paper in preparation; work in progress; works in progress; "
        "submitted papers; articles; refereed journal articles; research; "
        "selected papers; selected books; 论文; 发表论文; 学术论文; 科研成果; 论文发表; "
        "publications scientifiques; veröffentlichungen; publikationen; "
        "publicaciones; pubblicazioni"
    ),
    "awards": (
        "awards; award; honors; honours; honors and awards; awards and "
        "honors; awards and honours; honours and awards; fellowships; "
        "scholarships; distinctions; prizes; achievements; awards and "
        "scholarships; scholarships and awards; fellowships and awards; "
        "awards and fellowships; grants and awards; awards and grants; "
        "honors and fellowships; recognition; selected awards and honours; "
        "selected awards; 获奖情况; 荣誉奖项; 奖项; 获奖; 荣誉; "
        "获奖经历; 奖励; 荣誉奖励; 所获奖项; "
        "prix; prix et distinctions; auszeichnungen; preise; stipendien; "
        "premios; becas; reconocimientos; premi"
    ),
    "skills": (
        "skills; technical skills; programming skills; computer skills; "
        "competencies; technologies; tools; programming languages; research "
        "skills; skills and tools; technical expertise; expertise; core "
        "competencies; skills and interests; 技能; 专业技能; 技术能力; 技能特长; "
        "compétences; compétences techniques; kenntnisse; fähigkeiten; it "
        "kenntnisse; habilidades; competencias; conocimientos; competenze"
    ),
    "interests": (
        "research interests; research interest; interests; current "
        "interest; current interests; areas of interest; research areas; "
        "research focus; research topics; research directions; fields of "
        "interest; interest; 研究兴趣; 研究方向; intérêts de recherche; thèmes de "
        "recherche; forschungsinteressen; forschungsschwerpunkte; intereses "
        "de investigación; líneas de investigación; interessi di ricerca"
    ),
    "projects": (
        "projects; research projects; selected projects; personal projects; "
        "academic projects; project experience; side projects; 项目经历; 个人项目; "
        "项目经验; 项目; projets; projekte; proyectos; progetti"
    ),
    "summary": (
        "summary; profile; objective; about me; about; introduction; "
        "overview; career objective; professional summary; personal "
        "statement; 个人简介; 自我评价; profil; résumé; zusammenfassung; perfil; "
        "resumen"
    ),
    "contact": (
        "contact; contact information; contact details; personal "
        "information; personal details; personal data; 联系方式; 个人信息; "
        "coordonnées; persönliche daten; kontakt; datos personales; "
        "información personal"
    ),
    "references": (
        "references; referees; reference; research references; "
        "recommenders; letters of recommendation; références; referenzen; "
        "referencias"
    ),
    "talks": (
        "talks; presentations; invited talks; conference presentations; "
        "seminars; selected talks; keynote addresses; posters; invited "
        "presentations; selected public and keynote addresses; vorträge; "
        "exposés; ponencias"
    ),
    "teaching": (
        "teaching interests; teaching areas; courses i can teach; "
        "teaching; teaching and mentoring; mentoring; supervision; courses taught"
    ),
    "service": (
        "service; professional service; academic service; reviewing; "
        "editorial boards; professional activities; committees; "
        "memberships; professional associations; professional memberships; "
        "society leadership; advisory boards; conference organization; "
        "outreach; leadership; volunteering; activities; extracurricular "
        "activities; leadership and activities"
    ),
    "languages": ("languages; language skills; langues; sprachen; idiomas; 语言能力"),
    "grants": ("grants; research grants; funding; research funding"),
    "other": (
        "personal interests; hobbies and interests; interests and hobbies; "
        "extracurricular interests; outside interests; "
        "patents; software; r packages; r package; certifications; "
        "certificates; courses; coursework; relevant coursework; hobbies; "
        "misc; miscellaneous; additional information; self evaluation; "
        "self-evaluation; future goals; future plans; media; press; "
        "workshop; workshops; open source"
    ),
}

VOCABULARY: dict[str, tuple[str, ...]] = {
    kind: tuple(p.strip() for p in text.split(";") if p.strip()) for kind, text in _PHRASES.items()
}
