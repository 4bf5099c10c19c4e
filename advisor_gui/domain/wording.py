"""The fixed wording of the recommendation, in every shipped language: one catalogue.

The card, the printed summary and the command line's text output say the same
things in the same words because they all read them here (through
:mod:`advisor_gui.domain.presentation`). Sentences are whole; ``{placeholders}``
are filled with :meth:`str.format`, never by joining fragments.

French follows ``research/french-glossary.md``: Canadian usage ("entrepreneur
principal", "partenaire de certification", "travailleurs"), OQLF typography (a
non-breaking space before ":" and inside « »; none before ";", "!" or "?"),
numbers as ``10 000`` and dates as ``30 novembre 2026`` (English: ``30 November 2026``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
NBSP = "\u00a0"

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # The summary's masthead and bands.
        "title": "COR / SECOR recommendation summary",
        "subtitle": "Which workplace-safety certificate fits the operation, and why",
        "client": "Client",
        "prepared_by": "Prepared by",
        "prepared_for": "Prepared for",
        "date": "Date",
        "province": "Province or territory",
        "header": "COR / SECOR recommendation \u2014 {client}",
        "header_no_client": "COR / SECOR recommendation",
        "footer": "Rules dataset {version} \u00b7 effective {effective} \u00b7 prepared {date}",
        "page_of": "Page {page} of {pages}",
        # The worker-count details given, none of which the province's rule adds up.
        "count_incomplete": "The worker-count details give nothing {province_name}'s counting rule adds up "
                            "(see the rule below), so the recommendation uses the workers answer ({n_workers}).",
        # The verdict.
        "recommendation_for": "Recommendation for {province}",
        "eligible": "Eligible here: {programs}",
        "eligible_none": "Nothing is eligible here: {province} does not take part in COR.",
        "status_line": "{program}: {status}",
        "labelled": "{label}: {text}",
        "final_word": "This summary applies the published program rules. The certifying partner that audits the "
                      "program, and the prime contractors and owners the operation works for, have the final word "
                      "on which certificate they accept: confirm with them before committing.",
        # Statuses of a program (the comparison's columns, the verdict).
        "recommended": "recommended",
        "eligible_status": "eligible",
        "not_eligible": "not eligible",
        "not_eligible_over": "not eligible: over {limit} workers",
        "not_offered": "not offered here",
        # Sections.
        "why": "Why",
        "why_cor_over_small": "Why COR, although {small} is open to this operation",
        "why_not_small": "Why {small} isn't the fit here",
        "cautions": "Cautions",
        "disputes": "Where sources differ",
        "other_says": "Other sources: {claim}",
        "partners": "Certifying partners to contact",
        "next_steps": "Next steps",
        "what_would_change": "What would change the answer",
        "province_facts": "In {province}",
        "issuer": "Certificates are issued by: {issuer}",
        "counting": "How workers are counted: {rule}",
        "counting_general": "How workers are counted (the article's general guidance, no rule of the province's "
                            "own was found): {rule}",
        "partner_program": "its program: {program}",
        "partner_limit": "its limit: {limit}",
        "partner_program_limit": "its program: {program}; its limit: {limit}",
        "unanswered": "Still to find out",
        "unanswered_item": "{question} (not asked yet)",
        "not_answered": "Not answered yet",
        "provisional_for": "Provisional recommendation for {province}",
        "to_confirm": "Provisional: answer these to confirm it:",
        "answers": "The answers this recommendation is based on",
        "question": "Question",
        "answer": "Answer",
        "yes": "Yes",
        "no": "No",
        "none": "None",
        "comparison": "COR compared with {small} in {province}",
        "comparison_generic": "COR compared with the small-employer program",
        "general_cell": "{text} {mark}",
        "general_note": "{mark} The article's general guidance for Canada; no value of {province}'s own was found.",
        "column": "{program} ({status})",
        "note_not_participating": "{province} does not take part in COR; both columns are shown for reference.",
        "note_no_small": "{province} has no small-employer program: COR applies at every size. "
                         "The SECOR column shows what other provinces offer.",
        "note_small_cor": "British Columbia's small-employer program is called Small COR.",
        "dimension": "Dimension",
        "notes": "Consultant's notes",
        "about": "About this summary",
        "dataset": "Rules dataset {version}, effective {effective}, last reviewed {reviewed}.",
        "stale": "These rules were last reviewed on {reviewed}, more than a year before this summary: programs, "
                 "thresholds and partners may have changed since. Confirm with the certifying partner.",
        "sources": "Sources",
        "sections": "cited at: {sections}",
        "source_entry": "{number}. {text}",
        # Source notes, as the engine words them for the JSON contract.
        "note_with_sources": "Sources differ \u2014 {topic}: {a} [{a_src}]; {b} [{b_src}]",
        "note_brief": "Sources differ \u2014 {topic}: {a} By contrast: {b}",
        # The command line's jurisdiction table.
        "col_code": "Code",
        "col_jurisdiction": "Jurisdiction",
        "col_cor_from": "COR from",
        "col_small": "Small program",
        "col_up_to": "Up to",
        "all_sizes": "all",
        "plan_heading": "Plan for {province} — recommended program: {program}",
        "plan_empty": "No dated steps: this client holds no certificate and the recommendation is not COR.",
        "plan_undated": "undated",
        "plan_overdue": "already past",
        "plan": "Plan",
        "plan_intro": "The client's dated steps, from the rules' cited timing.",
        "plan_intro_target": ("The client's dated steps, from the rules' cited timing, counted back from a "
                              "COR audit on {date}."),
        "plan_date": "Date",
        "plan_step": "Step",
        "plan_no_date": "No date given by the sources",
        "plan_undated_count": ("Steps with no date from the sources (training, the report, what to arrange in "
                               "other provinces…): {count}; the advisor's Client Plan and its plan command "
                               "list them with their sources."),
        "plan_date_past": "{date} (already past)",
        # The audit calendar (.ics): its name, and each event's description.
        "ics_calendar_name": "COR/SECOR plan \u2014 {client}",
        "ics_description": "{title}\n\nRule: {rule}\nSource: {source}",
        "register_driving": "Prime contractors (from the register): {value}, because of {names}.",
        "register_value_requires_cor": "COR required",
        "register_value_accepts_secor": "the small-employer program accepted",
        "register_value_unknown": "not known yet",
        "register_derived": "Derived from the register: {value} ({names}).",
        "register_stale": ("{name}: confirmed on {date}, more than {months} months ago; confirm again "
                           "(a practice of this app, not a rule from a source)."),
        # Scenarios side by side (issue 16).
        "scenarios": "Scenarios side by side",
        "scenario_base": "Today",
        "scenario_intro": ("Each column applies the same rules to one set of answers: {base}, the current "
                           "answers, then each what-if scenario. Only the answers that differ from {base} are "
                           "listed."),
        "scenario_none": "No scenarios yet.",
        "scenario_changed": "{value} (differs from {base})",
        "scenario_program": "Recommended program",
        "scenario_status": "Eligibility",
        "scenario_reasons": "Why",
        "scenario_certificate_date": "Date on the certificate",
        "scenario_no_date": "Not given",
        "scenario_not_asked": "Does not apply",
        "scenario_default_name": "Scenario {n}",
        "scenario_name_empty": "A scenario needs a name.",
        "scenario_name_long": "A scenario's name can have at most {limit} characters.",
        "scenario_name_taken": "\u201c{name}\u201d is already taken: scenario names must differ from each other "
                               "and from Today.",
    },
    "fr": {
        "title": "Sommaire de la recommandation COR / SECOR",
        "subtitle": "Quel certificat de sécurité au travail convient à l'entreprise, et pourquoi",
        "client": "Client",
        "prepared_by": "Préparé par",
        "prepared_for": "Préparé pour",
        "date": "Date",
        "province": "Province ou territoire",
        "header": "Recommandation COR / SECOR \u2014 {client}",
        "header_no_client": "Recommandation COR / SECOR",
        "footer": "Jeu de règles {version} \u00b7 en vigueur le {effective} \u00b7 préparé le {date}",
        "page_of": "Page {page} sur {pages}",
        "count_incomplete": "Les précisions sur l'effectif ne donnent rien de ce que compte la règle de "
                            "{province_name} (voir la règle ci-dessous); la recommandation utilise donc le nombre "
                            "de travailleurs indiqué ({n_workers}).",
        "recommendation_for": "Recommandation\u00a0: {province}",
        "eligible": "Admissible ici\u00a0: {programs}",
        "eligible_none": "Rien n'est admissible ici\u00a0: {province} ne participe pas au COR.",
        "status_line": "{program}\u00a0: {status}",
        "labelled": "{label}\u00a0: {text}",
        "final_word": "Ce sommaire applique les règles publiées des programmes. Le partenaire de certification qui "
                      "audite le programme, ainsi que les entrepreneurs principaux et les donneurs d'ouvrage pour "
                      "qui l'entreprise travaille, ont le dernier mot sur le certificat qu'ils acceptent\u00a0: "
                      "vérifiez auprès d'eux avant de vous engager.",
        "recommended": "recommandé",
        "eligible_status": "admissible",
        "not_eligible": "non admissible",
        "not_eligible_over": "non admissible\u00a0: plus de {limit} travailleurs",
        "not_offered": "non offert ici",
        "why": "Pourquoi",
        "why_cor_over_small": "Pourquoi le COR, même si le {small} est offert à cette entreprise",
        "why_not_small": "Pourquoi le {small} ne convient pas ici",
        "cautions": "Mises en garde",
        "disputes": "Divergence des sources",
        "other_says": "Autres sources\u00a0: {claim}",
        "partners": "Partenaires de certification à joindre",
        "next_steps": "Prochaines étapes",
        "what_would_change": "Ce qui changerait la réponse",
        "province_facts": "Ce qu'il faut savoir\u00a0: {province}",
        "issuer": "Les certificats sont délivrés par\u00a0: {issuer}",
        "counting": "Comment l'effectif est compté\u00a0: {rule}",
        "counting_general": "Comment l'effectif est compté (indication générale de l'article; aucune règle propre "
                            "à la province n'a été trouvée)\u00a0: {rule}",
        "partner_program": "son programme\u00a0: {program}",
        "partner_limit": "sa limite\u00a0: {limit}",
        "partner_program_limit": "son programme\u00a0: {program}; sa limite\u00a0: {limit}",
        "unanswered": "Reste à vérifier",
        "unanswered_item": "{question} (pas encore vérifié)",
        "not_answered": "Sans réponse pour l'instant",
        "provisional_for": "Recommandation provisoire\u00a0: {province}",
        "to_confirm": "Provisoire\u00a0: répondez à ces questions pour la confirmer\u00a0:",
        "answers": "Les réponses sur lesquelles repose cette recommandation",
        "question": "Question",
        "answer": "Réponse",
        "yes": "Oui",
        "no": "Non",
        "none": "Aucune",
        "comparison": "Le COR comparé au {small}\u00a0: {province}",
        "comparison_generic": "Le COR comparé au programme pour petits employeurs",
        "general_cell": "{text} {mark}",
        "general_note": "{mark} Indication générale de l'article pour l'ensemble du Canada; aucune valeur propre à "
                        "la province ou au territoire ({province}) n'a été trouvée.",
        "column": "{program} ({status})",
        "note_not_participating": "{province} ne participe pas au COR; les deux colonnes sont données à titre "
                                  "indicatif.",
        "note_no_small": "{province} n'a pas de programme pour petits employeurs\u00a0: le COR s'applique à toutes "
                         "les tailles. La colonne SECOR montre ce qu'offrent d'autres provinces.",
        "note_small_cor": "En Colombie-Britannique, le programme pour petits employeurs s'appelle Small COR.",
        "dimension": "Aspect",
        "notes": "Notes du conseiller",
        "about": "À propos de ce sommaire",
        "dataset": "Jeu de règles {version}, en vigueur le {effective}, révisé le {reviewed}.",
        "stale": "Ces règles ont été révisées le {reviewed}, plus d'un an avant ce sommaire\u00a0: les programmes, "
                 "les seuils et les partenaires ont pu changer depuis. Vérifiez auprès du partenaire de "
                 "certification.",
        "sources": "Sources",
        "sections": "passages cités\u00a0: {sections}",
        "source_entry": "{number}. {text}",
        "note_with_sources": "Les sources divergent \u2014 {topic}\u00a0: {a} [{a_src}]; {b} [{b_src}]",
        "note_brief": "Les sources divergent \u2014 {topic}\u00a0: {a} En revanche\u00a0: {b}",
        "col_code": "Code",
        "col_jurisdiction": "Province ou territoire",
        "col_cor_from": "COR dès",
        "col_small": "Petits empl.",
        "col_up_to": "Jusqu'à",
        "all_sizes": "tous",
        "plan_heading": "Plan pour {province} — programme recommandé : {program}",
        "plan_empty": ("Aucune étape datée : ce client ne détient aucun certificat "
                       "et la recommandation n'est pas le COR."),
        "plan_undated": "sans date",
        "plan_overdue": "date dépassée",
        "plan": "Plan",
        "plan_intro": "Les étapes datées du client, selon les délais cités par les règles.",
        "plan_intro_target": ("Les étapes datées du client, selon les délais cités par les règles, comptées "
                              "à rebours d'un audit COR le {date}."),
        "plan_date": "Date",
        "plan_step": "Étape",
        "plan_no_date": "Aucune date donnée par les sources",
        "plan_undated_count": ("Étapes sans date dans les sources (formation, rapport, démarches dans "
                               "d'autres provinces…)\u00a0: {count}; le plan du client de l'application et sa "
                               "commande plan les énumèrent avec leurs sources."),
        "plan_date_past": "{date} (date dépassée)",
        "ics_calendar_name": "Plan COR/SECOR \u2014 {client}",
        "ics_description": "{title}\n\nRègle\u00a0: {rule}\nSource\u00a0: {source}",
        "register_driving": "Entrepreneurs principaux (selon le registre) : {value}, en raison de {names}.",
        "register_value_requires_cor": "COR exigé",
        "register_value_accepts_secor": "programme pour petits employeurs accepté",
        "register_value_unknown": "pas encore connu",
        "register_derived": "Déduit du registre\u00a0: {value} ({names}).",
        "register_stale": ("{name} : confirmé le {date}, il y a plus de {months} mois; confirmez de nouveau "
                           "(une pratique de cette application, pas une règle tirée d'une source)."),
        "scenarios": "Scénarios côte à côte",
        "scenario_base": "Aujourd'hui",
        "scenario_intro": ("Chaque colonne applique les mêmes règles à un ensemble de réponses\u00a0: "
                           "«\u00a0{base}\u00a0», les réponses actuelles, puis chaque scénario envisagé. Seules "
                           "les réponses qui diffèrent de «\u00a0{base}\u00a0» sont indiquées."),
        "scenario_none": "Aucun scénario pour l'instant.",
        "scenario_changed": "{value} (diffère de «\u00a0{base}\u00a0»)",
        "scenario_program": "Programme recommandé",
        "scenario_status": "Admissibilité",
        "scenario_reasons": "Pourquoi",
        "scenario_certificate_date": "Date inscrite sur le certificat",
        "scenario_no_date": "Non indiquée",
        "scenario_not_asked": "Sans objet",
        "scenario_default_name": "Scénario {n}",
        "scenario_name_empty": "Un scénario doit avoir un nom.",
        "scenario_name_long": "Le nom d'un scénario ne peut dépasser {limit}\u00a0caractères.",
        "scenario_name_taken": ("«\u00a0{name}\u00a0» est déjà pris\u00a0: les noms des scénarios doivent "
                                "différer entre eux et de «\u00a0Aujourd'hui\u00a0»."),
    },
}

_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def language(lang: str | None) -> str:
    """A shipped language: ``lang`` when it is one, else English."""
    return lang if lang in WORDS else DEFAULT_LANGUAGE


def words(lang: str = DEFAULT_LANGUAGE) -> Mapping[str, str]:
    """The catalogue in ``lang`` (English for a language not shipped)."""
    return WORDS[language(lang)]


def number(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """``10,000`` in English; ``10 000`` (a non-breaking space) in French; up to
    ``decimals`` places, only when the value is not whole (``2,5`` in French)."""
    text = f"{value:,.0f}" if decimals == 0 or float(value).is_integer() else f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",") if language(lang) == "fr" else text


def date(value: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """A date in words, day first: ``30 November 2026`` in English (unambiguous
    in Canada, where both orders are read); ``30 novembre 2026`` in French
    (``1er`` for the first)."""
    if language(lang) == "fr":
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {_MONTHS_FR[value.month - 1]} {value.year}"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def language_from_environment(environ: Mapping[str, str]) -> str:
    """The language the environment's locale asks for: the first non-empty of
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``; French when it starts with ``fr``, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
