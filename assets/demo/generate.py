#!/usr/bin/env python3
"""Generate Tandem's demo company: a fictional French group, "Groupe Lanvoie".

Run from anywhere (paths are resolved from this file):

    python3 assets/demo/generate.py

It rewrites, next to this script:

- ``company.json``: the demo data set loaded by the app (one object per employee, with the
  program profile: role, adoption profile, availability, interests, skills);
- ``hr-export.csv``: the same employees as a French HRIS would export them (semicolon-delimited,
  UTF-8 with BOM, French headers, dates as DD/MM/YYYY), to demo the CSV import.

The output is deterministic (fixed seed, no clock, no set iteration). Python 3.11, stdlib only.
Before writing, the generator checks its own output (unique ids and e-mails, a real hierarchy
without cycles, grades, topic ids against the default catalog migration, availability slots,
the number of mentors and mentees, and that most mentees have several eligible mentors).

How to change it: the organisation chart is the ``ORG`` tree below (titles in masculine and
feminine form, grade, site, team members); roles and skills are assigned afterwards by
``assign_program``. Keep the seed fixed so that the demo stays the same from one run to the next.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

SEED = 20260915
COMPANY = "Groupe Lanvoie"
DOMAIN = "lanvoie.fr"
ID_PREFIX = "LA"
# The demo's "today": hire dates are drawn before it. Fixed so the output never depends on the clock.
REFERENCE_DATE = date(2026, 9, 1)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CATALOG_SQL = REPO / "crates" / "tandem-core" / "src" / "store" / "migrations" / "002_default_catalog.sql"

# --------------------------------------------------------------------------------------------
# Sites and time zones
# --------------------------------------------------------------------------------------------

SITES = {
    "Paris": "Europe/Paris",
    "Lyon": "Europe/Paris",
    "Nantes": "Europe/Paris",
    "Lille": "Europe/Paris",
    "Bordeaux": "Europe/Paris",
    "Montréal": "America/Toronto",
    "Londres": "Europe/London",
}

# --------------------------------------------------------------------------------------------
# Organisation chart
# --------------------------------------------------------------------------------------------


def N(masc: str, fem: str | None, grade: int, kids: list | None = None, n: int = 1, site: str | None = None):
    """One position (repeated ``n`` times): titles in masculine and feminine form, grade, reports."""
    return {"m": masc, "f": fem or masc, "grade": grade, "kids": kids or [], "n": n, "site": site}


DG = "Direction générale"
MC = "Marketing & Communication"
VE = "Ventes"
RH = "Ressources humaines"
FI = "Finance"
SI = "Systèmes d'information"
OP = "Opérations"
JU = "Juridique"
RD = "R&D"

ORG_DEPARTMENTS = [
    (DG, [
        N("Assistant de direction", "Assistante de direction", 3),
        N("Directeur de la stratégie et de la transformation", "Directrice de la stratégie et de la transformation", 8, [
            N("Chargé de mission transformation", "Chargée de mission transformation", 4),
            N("Chargé de mission RSE", "Chargée de mission RSE", 3),
            N("Alternant stratégie", "Alternante stratégie", 1),
        ]),
    ]),
    (MC, [
        N("Directeur marketing et communication", "Directrice marketing et communication", 9, [
            N("Responsable communication digitale", None, 6, [
                N("Chargé de communication digitale", "Chargée de communication digitale", 3, n=2),
                N("Community manager", None, 2, n=2),
                N("Motion designer", None, 2),
                N("Alternant communication digitale", "Alternante communication digitale", 1, n=2),
            ]),
            N("Responsable marque et événements", None, 6, [
                N("Chef de projet événementiel", "Cheffe de projet événementiel", 4),
                N("Chargé de marque", "Chargée de marque", 3),
                N("Alternant marketing", "Alternante marketing", 1),
            ]),
            N("Responsable communication interne", None, 6, [
                N("Chargé de communication interne", "Chargée de communication interne", 3),
                N("Rédacteur web", "Rédactrice web", 2),
            ]),
            N("Responsable marketing produit", None, 7, [
                N("Chef de produit", "Cheffe de produit", 5, [
                    N("Chargé d'études marketing", "Chargée d'études marketing", 3),
                    N("Assistant chef de produit", "Assistante cheffe de produit", 2),
                ]),
                N("Graphiste", None, 3),
            ]),
        ]),
    ]),
    (VE, [
        N("Directeur commercial", "Directrice commerciale", 9, [
            N("Responsable grands comptes", None, 7, [
                N("Ingénieur commercial", "Ingénieure commerciale", 4, n=3),
                N("Chargé d'affaires", "Chargée d'affaires", 3),
                N("Alternant commercial", "Alternante commerciale", 1),
            ]),
            N("Directeur régional Sud-Est", "Directrice régionale Sud-Est", 7, site="Lyon", kids=[
                N("Chef des ventes", "Cheffe des ventes", 5, [
                    N("Chargé d'affaires", "Chargée d'affaires", 3, n=2),
                ]),
                N("Assistant commercial", "Assistante commerciale", 2),
            ]),
            N("Directeur régional Sud-Ouest", "Directrice régionale Sud-Ouest", 7, site="Bordeaux", kids=[
                N("Chargé d'affaires", "Chargée d'affaires", 3, n=2),
                N("Business developer", None, 2),
            ]),
            N("Directeur régional Nord", "Directrice régionale Nord", 7, site="Lille", kids=[
                N("Chargé d'affaires", "Chargée d'affaires", 3, n=2),
                N("Assistant commercial", "Assistante commerciale", 2),
            ]),
            N("Responsable export", None, 6, [
                N("Responsable Amérique du Nord", None, 5, site="Montréal", kids=[
                    N("Business developer", None, 3, n=2),
                    N("Chargé de clientèle", "Chargée de clientèle", 2),
                ]),
                N("Key account manager Royaume-Uni", None, 4, site="Londres"),
                N("Business developer Royaume-Uni", None, 3, site="Londres"),
            ]),
            N("Responsable administration des ventes", None, 6, [
                N("Assistant administration des ventes", "Assistante administration des ventes", 2, n=2),
            ]),
        ]),
    ]),
    (RH, [
        N("Directeur des ressources humaines", "Directrice des ressources humaines", 9, [
            N("Responsable recrutement", None, 6, [
                N("Chargé de recrutement", "Chargée de recrutement", 3, n=2),
                N("Chargé de marque employeur", "Chargée de marque employeur", 3),
                N("Alternant RH", "Alternante RH", 1),
            ]),
            N("Responsable formation et développement des talents", None, 6, [
                N("Chargé de formation", "Chargée de formation", 3),
                N("Chargé de développement RH", "Chargée de développement RH", 4),
                N("Alternant formation", "Alternante formation", 1),
            ]),
            N("Responsable paie et administration du personnel", None, 6, [
                N("Gestionnaire paie", None, 3, n=2),
                N("Assistant RH", "Assistante RH", 2),
            ]),
            N("Responsable des relations sociales", None, 7),
            N("Responsable RH de site", None, 6, site="Nantes", kids=[
                N("Assistant RH", "Assistante RH", 2),
            ]),
        ]),
    ]),
    (FI, [
        N("Directeur financier", "Directrice financière", 9, [
            N("Responsable contrôle de gestion", None, 7, [
                N("Contrôleur de gestion", "Contrôleuse de gestion", 4, n=2),
                N("Contrôleur de gestion junior", "Contrôleuse de gestion junior", 3),
                N("Alternant contrôle de gestion", "Alternante contrôle de gestion", 1),
            ]),
            N("Chef comptable", "Cheffe comptable", 6, [
                N("Comptable", None, 3, n=2),
                N("Comptable fournisseurs", None, 3),
                N("Aide-comptable", None, 2),
            ]),
            N("Trésorier", "Trésorière", 6, [
                N("Analyste trésorerie", None, 3),
            ]),
        ]),
    ]),
    (SI, [
        N("Directeur des systèmes d'information", "Directrice des systèmes d'information", 9, [
            N("Responsable infrastructure et support", None, 7, [
                N("Chef d'équipe support", "Cheffe d'équipe support", 5, [
                    N("Technicien support", "Technicienne support", 2, n=3),
                    N("Alternant support informatique", "Alternante support informatique", 1),
                ]),
                N("Administrateur systèmes et réseaux", "Administratrice systèmes et réseaux", 4),
            ]),
            N("Responsable études et développement", None, 7, site="Lyon", kids=[
                N("Chef de projet applicatif", "Cheffe de projet applicatif", 5, [
                    N("Développeur", "Développeuse", 3, n=2),
                    N("Développeur junior", "Développeuse junior", 2),
                    N("Alternant développement", "Alternante développement", 1),
                ]),
                N("Chef de projet digital", "Cheffe de projet digital", 5, site="Paris", kids=[
                    N("Développeur front-end", "Développeuse front-end", 3),
                    N("UX designer", None, 3),
                ]),
            ]),
            N("Responsable data", None, 6, [
                N("Data analyst", None, 3),
                N("Data scientist", None, 4),
                N("Alternant data", "Alternante data", 1),
            ]),
            N("Responsable de la sécurité des systèmes d'information", None, 7, [
                N("Analyste cybersécurité", None, 3),
            ]),
        ]),
    ]),
    (OP, [
        N("Directeur des opérations", "Directrice des opérations", 9, [
            N("Directeur de site", "Directrice de site", 8, site="Nantes", kids=[
                N("Responsable de production", None, 6, [
                    N("Chef d'équipe production", "Cheffe d'équipe production", 5, [
                        N("Technicien de production", "Technicienne de production", 2, n=2),
                    ]),
                    N("Chef d'équipe production", "Cheffe d'équipe production", 5, [
                        N("Technicien de production", "Technicienne de production", 2),
                        N("Opérateur de production", "Opératrice de production", 1),
                    ]),
                ]),
                N("Responsable maintenance", None, 6, [
                    N("Technicien de maintenance", "Technicienne de maintenance", 3),
                ]),
            ]),
            N("Responsable logistique", None, 7, site="Lille", kids=[
                N("Coordinateur logistique", "Coordinatrice logistique", 3, n=2),
                N("Planificateur", "Planificatrice", 3),
            ]),
            N("Responsable qualité", None, 6, site="Nantes", kids=[
                N("Technicien qualité", "Technicienne qualité", 3),
                N("Ingénieur qualité", "Ingénieure qualité", 4),
            ]),
            N("Responsable achats", None, 6, [
                N("Acheteur", "Acheteuse", 4),
                N("Acheteur junior", "Acheteuse junior", 3),
                N("Alternant achats", "Alternante achats", 1),
            ]),
        ]),
    ]),
    (JU, [
        N("Directeur juridique", "Directrice juridique", 8, [
            N("Juriste droit des affaires", None, 4),
            N("Juriste droit social", None, 4),
            N("Délégué à la protection des données", "Déléguée à la protection des données", 6),
            N("Assistant juridique", "Assistante juridique", 2),
            N("Alternant juriste", "Alternante juriste", 1),
        ]),
    ]),
    (RD, [
        N("Directeur R&D", "Directrice R&D", 9, site="Nantes", kids=[
            N("Responsable innovation", None, 6, site="Paris", kids=[
                N("Ingénieur innovation", "Ingénieure innovation", 4),
                N("Designer produit", None, 3),
                N("Alternant design", "Alternante design", 1),
            ]),
            N("Responsable bureau d'études", None, 7, [
                N("Chef de projet R&D", "Cheffe de projet R&D", 5, [
                    N("Ingénieur R&D", "Ingénieure R&D", 3, n=2),
                    N("Technicien d'essais", "Technicienne d'essais", 2),
                ]),
                N("Ingénieur R&D", "Ingénieure R&D", 4),
            ]),
        ]),
    ]),
]

CEO = N("Président-directeur général", "Présidente-directrice générale", 10)

# --------------------------------------------------------------------------------------------
# Names (fictional combinations of common French names)
# --------------------------------------------------------------------------------------------

# First names by generation, so that an intern is rarely called Bernard and a director rarely Enzo.
FIRST_NAMES = {
    "young": {
        "m": ["Lucas", "Hugo", "Nathan", "Théo", "Enzo", "Mathis", "Yanis", "Noah", "Adam", "Rayan",
              "Louis", "Gabriel", "Arthur", "Jules", "Tom", "Maël", "Sacha", "Clément", "Axel", "Mehdi",
              "Ethan", "Baptiste", "Valentin", "Quentin", "Samuel"],
        "f": ["Léa", "Chloé", "Manon", "Inès", "Camille", "Jade", "Louise", "Emma", "Zoé", "Sarah",
              "Lina", "Anaïs", "Clara", "Océane", "Lucie", "Juliette", "Maëlys", "Eva", "Romane", "Yasmine",
              "Margaux", "Salomé", "Nina", "Agathe", "Lisa"],
    },
    "middle": {
        "m": ["Julien", "Nicolas", "Guillaume", "Romain", "Sébastien", "Jérémy", "Kevin", "Maxime", "Alexandre",
              "Mathieu", "Benjamin", "Florian", "Anthony", "Damien", "Cédric", "Thomas", "Vincent", "Karim",
              "Jonathan", "Yannick"],
        "f": ["Aurélie", "Émilie", "Julie", "Mélanie", "Céline", "Élodie", "Audrey", "Marion", "Sophie",
              "Caroline", "Laetitia", "Stéphanie", "Claire", "Amandine", "Pauline", "Anne-Sophie", "Vanessa",
              "Nadia", "Delphine", "Charlotte"],
    },
    "senior": {
        "m": ["Philippe", "Christophe", "Stéphane", "Laurent", "Frédéric", "Olivier", "Pascal", "Éric", "Bruno",
              "Didier", "Thierry", "Patrick", "Jean-Marc", "Hervé", "Franck", "Jérôme", "François", "Denis",
              "Alain", "Gilles"],
        "f": ["Isabelle", "Catherine", "Nathalie", "Sylvie", "Valérie", "Sandrine", "Véronique", "Corinne",
              "Hélène", "Anne", "Christine", "Florence", "Marie-Claire", "Karine", "Béatrice", "Pascale",
              "Agnès", "Brigitte", "Martine", "Dominique"],
    },
}

LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Robert", "Petit", "Durand", "Leroy", "Moreau", "Laurent", "Lefebvre",
    "Garcia", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier",
    "Lambert", "Bonnet", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller",
    "Bouvier", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez",
    "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire",
    "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Schneider",
    "Perez", "Marchand", "Dufour", "Blanchard", "Lemaître", "Barbier", "Brun", "Giraud", "Arnaud", "Picard",
    "Renard", "Schmitt", "Colin", "Vidal", "Caron", "Aubert", "Le Goff", "Le Gall", "Guillot", "Hamel",
    "Bénard", "Carpentier", "Diallo", "Benali", "Haddad", "Traoré", "Da Silva", "Ferreira", "Rossi",
    "Koné", "Bouchard", "Lebrun", "Hubert", "Baron", "Tessier", "Charpentier", "Besnard", "Poulain",
    "Collet", "Pelletier", "Leclerc", "Prévost", "Cordier", "Maillard", "Brunet", "Mallet", "Laine",
    "Mahé", "Hoarau", "Kaci", "Bensaïd", "Cohen", "Ozturk", "Tran", "Pham", "Ribeiro", "N'Diaye",
    "Gomes", "Lemoine", "Delorme", "Vasseur", "Texier", "Courtois", "Lacroix", "Vallée", "Jacquet",
    "Chauvin", "Etienne", "Rolland", "Barre", "Humbert", "Germain", "Royer", "Marty", "Bailly", "Hervé",
    "Poirier", "Fleury", "Huet", "Boucher", "Gilbert", "Langlois", "Leblanc", "Rey", "Lacombe",
    "Bouvet", "Guillaume", "Carré", "Renaud", "Berger", "Moulin", "Lecomte", "Lemonnier", "Maréchal", "Millet",
    "Perrot", "Benoit", "Breton", "Cousin", "Rivière", "Leroux", "Hoareau", "Godard", "Bertin", "Devaux",
    "Pichon", "Tanguy", "Le Roux", "Ollivier", "Mendes", "Belkacem", "Amrani", "Bakayoko", "Nowak", "Wagner",
    "Favre", "Jourdan", "Vial", "Delmas", "Bastien", "Auger", "Ménard", "Fabre", "Castel",
]

# Combinations that would name a well-known person; never generated.
BLOCKED_NAMES = {
    ("Jacques", "Martin"), ("Pierre", "Richard"), ("Claude", "François"), ("Antoine", "Dupont"),
    ("Bruno", "Lemaire"), ("Thierry", "Henry"), ("Patrick", "Roy"), ("Alain", "Robert"),
    ("Denis", "Robert"), ("Philippe", "Lucas"), ("Gilles", "Lebrun"), ("Laurent", "Joly"),
    ("Philippe", "Martinez"), ("Olivier", "Martinez"), ("Laurent", "Blanc"), ("Frédéric", "Lefebvre"),
    ("Caroline", "Garcia"), ("Alain", "Bernard"), ("Olivier", "Faure"), ("Christophe", "Lambert"),
    ("Hervé", "Morin"), ("Sandrine", "Rousseau"), ("Jonathan", "Cohen"), ("Laurent", "Fournier"),
}

# --------------------------------------------------------------------------------------------
# Program vocabulary
# --------------------------------------------------------------------------------------------

INTERESTS = [
    "video", "photography", "music", "gaming", "sport", "running", "cooking", "travel", "reading", "cinema",
    "personal branding", "recruiting", "employer branding", "sustainability", "data", "design",
    "innovation", "events", "entrepreneurship", "podcasts", "fashion", "art", "volunteering",
    "artificial intelligence", "gardening",
]

DEPARTMENT_INTERESTS = {
    DG: ["innovation", "sustainability", "personal branding", "entrepreneurship"],
    MC: ["design", "events", "video", "personal branding", "photography"],
    VE: ["personal branding", "events", "travel", "entrepreneurship"],
    RH: ["recruiting", "employer branding", "volunteering", "events"],
    FI: ["data", "reading", "running"],
    SI: ["data", "gaming", "artificial intelligence", "innovation"],
    OP: ["sustainability", "innovation", "sport"],
    JU: ["reading", "cinema", "art"],
    RD: ["innovation", "design", "sustainability", "artificial intelligence"],
}

# Mentor archetypes: main platforms (strong, 3-4), secondary platforms (2-3), typical interests.
ARCHETYPES = {
    "short_video": (["tiktok", "instagram"], ["youtube"], ["video", "music", "cinema", "fashion"]),
    "visual": (["instagram"], ["tiktok", "linkedin"], ["photography", "design", "travel", "fashion"]),
    "professional": (["linkedin"], ["x"], ["personal branding", "recruiting", "entrepreneurship", "podcasts"]),
    "news": (["x", "linkedin"], ["youtube"], ["podcasts", "data", "sport", "reading"]),
    "youtube": (["youtube"], ["tiktok", "instagram"], ["video", "gaming", "cinema", "music"]),
    "all_round": (["linkedin", "instagram", "tiktok"], ["x"], ["personal branding", "video", "events"]),
}
# How many of the mentor candidates follow each archetype (40 in all).
ARCHETYPE_COUNTS = {"professional": 11, "short_video": 9, "visual": 7, "news": 6, "youtube": 4, "all_round": 3}

# Mentee profiles (40 in all): anxious, curious, overwhelmed and good students are the most common.
MENTEE_PROFILES = (["anxious"] * 8 + ["curious"] * 8 + ["overwhelmed"] * 7 + ["good_student"] * 8
                   + ["enthusiast"] * 5 + ["categorical"] * 2 + ["allergic"] * 2)
# Each mentee's main goal platform (40 in all); further platforms are drawn with PLATFORM_WEIGHTS.
PRIMARY_PLATFORMS = ["linkedin"] * 19 + ["x"] * 8 + ["instagram"] * 5 + ["tiktok"] * 4 + ["youtube"] * 4
N_MENTORS = 40          # role "mentor" or "both"
N_BOTH = 6
N_MENTEES = len(MENTEE_PROFILES)

PLATFORM_WEIGHTS = {"linkedin": 12, "x": 5, "instagram": 3, "tiktok": 3, "youtube": 2}
DEPARTMENT_PLATFORM_BIAS = {
    RH: {"linkedin": 8}, VE: {"linkedin": 6}, MC: {"instagram": 3, "tiktok": 3, "youtube": 1},
    SI: {"x": 4, "youtube": 1}, DG: {"linkedin": 4, "x": 3}, RD: {"youtube": 2, "x": 2}, OP: {"linkedin": 3},
    FI: {"linkedin": 3, "x": 2},
}

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def load_topics() -> dict[str, str]:
    """Topic id -> platform id, parsed from the default catalog migration."""
    sql = CATALOG_SQL.read_text(encoding="utf-8")
    block = sql[sql.index("INSERT INTO topic"):]
    topics = dict(re.findall(r"\(\s*'([a-z0-9_]+\.[a-z0-9_]+)'\s*,\s*'([a-z0-9_]+)'", block))
    assert len(topics) >= 20, "could not parse the topic catalog"
    return topics


def ascii_slug(text: str) -> str:
    """'Anne-Sophie' -> 'anne-sophie', 'Le Goff' -> 'le-goff', "N'Diaye" -> 'ndiaye'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("æ", "ae").replace("œ", "oe").replace("'", "").replace("’", "")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text


def weighted(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def random_date(rng: random.Random, start: date, end: date) -> date:
    """A working day between start and end (inclusive)."""
    d = start + timedelta(days=rng.randint(0, (end - start).days))
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def hire_date_for(rng: random.Random, grade: int, title: str, recent: bool = False) -> date:
    if title.startswith("Altern"):
        # Work-study students start with the school year.
        return rng.choice([date(2024, 9, 2), date(2025, 9, 1), date(2025, 9, 1), date(2025, 10, 6)])
    spans = {
        1: (2024, 2026), 2: (2022, 2026), 3: (2018, 2025), 4: (2014, 2024), 5: (2008, 2021),
        6: (2004, 2020), 7: (2001, 2019), 8: (1998, 2017), 9: (1997, 2019), 10: (2012, 2015),
    }
    lo, hi = spans[grade]
    if recent:
        lo, hi = max(lo, 2021), max(hi, 2025)
    end = min(date(hi, 12, 31), REFERENCE_DATE - timedelta(days=30))
    return random_date(rng, date(lo, 1, 1), end)


# --------------------------------------------------------------------------------------------
# Building the people
# --------------------------------------------------------------------------------------------


class Company:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.people: list[dict] = []
        self.used_names: list[tuple[str, str]] = []

    def name_for(self, grade: int) -> tuple[str, str, str]:
        rng = self.rng
        gender = rng.choice("mf")
        if grade <= 2:
            band = weighted(rng, {"young": 9, "middle": 1})
        elif grade <= 4:
            band = weighted(rng, {"young": 5, "middle": 5})
        elif grade <= 7:
            band = weighted(rng, {"middle": 5, "senior": 5})
        else:
            band = weighted(rng, {"middle": 2, "senior": 8})
        while True:
            first = rng.choice(FIRST_NAMES[band][gender])
            last = rng.choice(LAST_NAMES)
            if (first, last) in BLOCKED_NAMES or (first, last) in self.used_names:
                continue
            # Family names repeat in a real company, but rarely.
            if any(u[1] == last for u in self.used_names) and rng.random() < 0.9:
                continue
            if ascii_slug(first) == ascii_slug(last):
                continue
            self.used_names.append((first, last))
            return gender, first, last

    def add(self, node: dict, department: str, manager: dict | None, site: str) -> dict:
        gender, first, last = self.name_for(node["grade"])
        person = {
            "first_name": first,
            "last_name": last,
            "gender": gender,
            "department": department,
            "title": node[gender],
            "title_m": node["m"],
            "title_f": node["f"],
            "grade": node["grade"],
            "manager": manager,
            "site": site,
            "reports": [],
        }
        if manager is not None:
            manager["reports"].append(person)
        self.people.append(person)
        return person

    def build(self, node: dict, department: str, manager: dict | None, site: str) -> None:
        for _ in range(node["n"]):
            here = node["site"] or site
            person = self.add(node, department, manager, here)
            for kid in node["kids"]:
                self.build(kid, department, person, here)


def depth(person: dict) -> int:
    d = 0
    while person["manager"] is not None:
        person = person["manager"]
        d += 1
    return d


def languages_for(rng: random.Random, p: dict) -> list[str]:
    langs = ["fr"]
    p_en = {1: 0.8, 2: 0.7, 3: 0.7, 4: 0.7}.get(p["grade"], 0.6)
    if p["department"] in (VE, SI, RD, DG):
        p_en += 0.15
    if p["department"] == OP and p["grade"] <= 3:
        p_en -= 0.3
    if p["site"] in ("Montréal", "Londres") or rng.random() < p_en:
        langs.append("en")
    extra = rng.random()
    if extra < 0.07:
        langs.append("es")
    elif extra < 0.11:
        langs.append("de")
    elif extra < 0.14:
        langs.append("it")
    return langs


def interests_for(rng: random.Random, p: dict, archetype: str | None = None) -> list[str]:
    chosen: list[str] = []
    count = rng.randint(2, 5)
    pools = []
    if archetype:
        pools.append((ARCHETYPES[archetype][2], rng.randint(1, 2)))
    pools.append((DEPARTMENT_INTERESTS[p["department"]], rng.randint(0, 2)))
    for pool, k in pools:
        for tag in rng.sample(pool, min(k, len(pool))):
            if tag not in chosen and len(chosen) < count:
                chosen.append(tag)
    while len(chosen) < count:
        tag = rng.choice(INTERESTS)
        if tag not in chosen:
            chosen.append(tag)
    return chosen


def availability_for(rng: random.Random, p: dict) -> list[dict]:
    """1-5 weekly slots, 60-180 min, non-overlapping, mostly within working hours (local time)."""
    profile = p.get("adoption_profile")
    if profile == "overwhelmed":
        count = rng.randint(1, 2)
        durations = {60: 8, 90: 2}
        windows = {"early": 4, "lunch": 4, "late": 3}
    elif p["grade"] >= 8:
        count = rng.randint(1, 3)
        durations = {60: 5, 90: 4, 120: 1}
        windows = {"early": 3, "morning": 2, "lunch": 3, "afternoon": 2, "late": 2}
    elif p["grade"] >= 5:
        count = rng.randint(1, 4)
        durations = {60: 4, 90: 4, 120: 2}
        windows = {"early": 1, "morning": 4, "lunch": 3, "afternoon": 4, "late": 1}
    else:
        count = rng.randint(2, 5)
        durations = {60: 2, 90: 3, 120: 3, 180: 2}
        windows = {"morning": 4, "lunch": 2, "afternoon": 5, "late": 1}
    # Each person favours a few days, so that some pairs overlap a lot and others not at all.
    days = sorted(rng.sample(range(5), rng.randint(2, 4)))
    ranges = {  # allowed start ranges, in minutes
        "early": (7 * 60 + 30, 8 * 60 + 30),
        "morning": (8 * 60 + 30, 11 * 60),
        "lunch": (12 * 60, 13 * 60),
        "afternoon": (13 * 60 + 30, 17 * 60),
        "late": (17 * 60 + 30, 18 * 60 + 30),
    }
    slots: list[dict] = []
    attempts = 0
    while len(slots) < count and attempts < 200:
        attempts += 1
        window = weighted(rng, windows)
        length = weighted(rng, durations)
        lo, hi = ranges[window]
        start = rng.randrange(lo, hi + 1, 30) // 30 * 30
        end = start + length
        if window == "lunch":
            end = min(end, 14 * 60)
        if end - start < 60 or end > 20 * 60:
            continue
        day = rng.choice(days)
        clash = any(s["weekday"] == day and start < s["end_minute"] + 30 and s["start_minute"] < end + 30
                    for s in slots)
        if clash:
            continue
        slots.append({"weekday": day, "start_minute": start, "end_minute": end})
    slots.sort(key=lambda s: (s["weekday"], s["start_minute"]))
    return slots


# --------------------------------------------------------------------------------------------
# Program roles and skills
# --------------------------------------------------------------------------------------------


def topics_of(topics: dict[str, str], platform: str) -> list[str]:
    return [t for t, pf in topics.items() if pf == platform]


def mentor_skills(rng: random.Random, topics: dict[str, str], archetype: str) -> list[dict]:
    main, secondary, _ = ARCHETYPES[archetype]
    levels: dict[str, int] = {}
    for pf in main:
        ts = topics_of(topics, pf)
        keep = rng.sample(ts, rng.randint(3, len(ts))) if len(main) > 1 else rng.sample(ts, rng.randint(4, len(ts)))
        for t in keep:
            levels[t] = weighted(rng, {4: 4, 3: 5, 2: 1})
    for pf in rng.sample(secondary, rng.randint(1, len(secondary))):
        for t in rng.sample(topics_of(topics, pf), rng.randint(1, 3)):
            levels.setdefault(t, weighted(rng, {3: 2, 2: 4, 1: 2}))
    for t in rng.sample(list(topics), rng.randint(0, 2)):
        levels.setdefault(t, rng.randint(1, 2))
    return [{"topic_id": t, "level": lv, "target": None} for t, lv in sorted(levels.items())]


def goal_platforms(rng: random.Random, department: str, primary: str) -> list[str]:
    weights = dict(PLATFORM_WEIGHTS)
    for pf, extra in DEPARTMENT_PLATFORM_BIAS.get(department, {}).items():
        weights[pf] += extra
    count = weighted(rng, {1: 4, 2: 4, 3: 2})
    chosen: list[str] = [primary]
    while len(chosen) < count:
        pf = weighted(rng, weights)
        if pf not in chosen:
            chosen.append(pf)
    return chosen


def mentee_skills(rng: random.Random, topics: dict[str, str], department: str, profile: str,
                  primary: str) -> list[dict]:
    platforms = goal_platforms(rng, department, primary)
    total = rng.randint(max(3, len(platforms)), min(8, 6 * len(platforms)))
    # The first platform gets the most goals.
    shares = [1] * len(platforms)
    while sum(shares) < total:
        i = 0 if rng.random() < 0.5 else rng.randrange(len(platforms))
        if shares[i] < 6:
            shares[i] += 1
    level_weights = {
        "categorical": {0: 8, 1: 2}, "allergic": {0: 8, 1: 2}, "curious": {0: 2, 1: 6, 2: 2},
        "anxious": {0: 5, 1: 4, 2: 1}, "enthusiast": {0: 1, 1: 4, 2: 5}, "good_student": {0: 4, 1: 5, 2: 1},
        "overwhelmed": {0: 4, 1: 4, 2: 2},
    }[profile]
    target_max = {"categorical": 2, "allergic": 2, "overwhelmed": 3}.get(profile, 4)
    skills: dict[str, dict] = {}
    for pf, k in zip(platforms, shares):
        for t in rng.sample(topics_of(topics, pf), k):
            level = weighted(rng, level_weights)
            lo = max(2, level + 1)
            target = rng.randint(lo, max(lo, target_max))
            skills[t] = {"topic_id": t, "level": level, "target": target}
    # A few self-assessed levels outside the goals, without a target.
    for t in rng.sample(list(topics), rng.randint(0, 2)):
        if t not in skills:
            skills[t] = {"topic_id": t, "level": rng.randint(0, 2), "target": None}
    return [skills[t] for t in sorted(skills)]


def other_skills(rng: random.Random, topics: dict[str, str], grade: int) -> list[dict]:
    n = weighted(rng, {0: 4, 1: 2, 2: 2, 3: 1})
    top = 3 if grade <= 4 else 2
    return [{"topic_id": t, "level": rng.randint(0, top), "target": None}
            for t in sorted(rng.sample(list(topics), n))]


def assign_program(rng: random.Random, people: list[dict], topics: dict[str, str]) -> None:
    for p in people:
        p["role"] = "none"
        p["adoption_profile"] = None
        p["skills"] = []
        p["archetype"] = None

    # Mentees: senior managers (grade 5-9), spread over departments.
    seniors = [p for p in people if 5 <= p["grade"] <= 9]
    rng.shuffle(seniors)
    seniors.sort(key=lambda p: p["department"] == JU)  # stable: lawyers last, so few are picked
    mentees = seniors[:N_MENTEES]
    profiles = list(MENTEE_PROFILES)
    rng.shuffle(profiles)
    primaries = list(PRIMARY_PLATFORMS)
    rng.shuffle(primaries)
    for p, profile, primary in zip(mentees, profiles, primaries):
        p["role"] = "mentee"
        p["adoption_profile"] = profile
        p["skills"] = mentee_skills(rng, topics, p["department"], profile, primary)

    # Mentors: juniors (grade 1-4) hired recently; marketing, HR and IT juniors are a little more likely.
    juniors = [p for p in people if p["grade"] <= 4]
    pool = []
    for p in juniors:
        w = 3 if p["department"] in (MC, RH, SI) else 2
        if p["grade"] == 4:
            w -= 1
        pool.extend([p] * w)
    mentors: list[dict] = []
    while len(mentors) < N_MENTORS:
        p = rng.choice(pool)
        if p not in mentors:
            mentors.append(p)
    archetypes = [a for a, k in ARCHETYPE_COUNTS.items() for _ in range(k)]
    assert len(archetypes) == N_MENTORS
    rng.shuffle(archetypes)
    for p, archetype in zip(mentors, archetypes):
        p["role"] = "mentor"
        p["archetype"] = archetype
        p["adoption_profile"] = weighted(rng, {"enthusiast": 7, None: 3})
        p["skills"] = mentor_skills(rng, topics, archetype)
    # A few mentors (grade 3-4) also want to learn a platform they do not know: role "both".
    both = [p for p in mentors if p["grade"] >= 3]
    for p in rng.sample(both, N_BOTH):
        p["role"] = "both"
        strong = [topics[s["topic_id"]] for s in p["skills"] if s["level"] >= 2]
        fewest = min(strong.count(pf) for pf in PLATFORM_WEIGHTS)
        pf = rng.choice([pf for pf in PLATFORM_WEIGHTS if strong.count(pf) == fewest])
        for t in rng.sample(topics_of(topics, pf), rng.randint(2, 4)):
            p["skills"] = [s for s in p["skills"] if s["topic_id"] != t]
            level = rng.randint(0, 1)
            p["skills"].append({"topic_id": t, "level": level, "target": rng.randint(2, 3)})
        p["skills"].sort(key=lambda s: s["topic_id"])

    # Everyone else: no role, a few self-assessed levels, and for some an observed profile.
    for p in people:
        if p["role"] == "none":
            p["skills"] = other_skills(rng, topics, p["grade"])
            if rng.random() < 0.2:
                p["adoption_profile"] = rng.choice(["curious", "allergic", "categorical", "enthusiast",
                                                    "good_student"])


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def finalize(rng: random.Random, people: list[dict]) -> None:
    # Hire dates first: matricules follow the order of hiring, as in a real HRIS.
    for p in people:
        recent = p["role"] in ("mentor", "both")
        p["hire_date"] = hire_date_for(rng, p["grade"], p["title"], recent=recent)
    order = sorted(range(len(people)), key=lambda i: (people[i]["hire_date"], i))
    for n, i in enumerate(order, start=1):
        people[i]["external_id"] = f"{ID_PREFIX}{n:04d}"

    # A pair of homonyms, as every company of this size has: the e-mail must be disambiguated.
    a = next(p for p in people if p["department"] == VE and p["grade"] == 3)
    b = next(p for p in people if p["department"] in (SI, OP, FI) and 2 <= p["grade"] <= 4
             and p["gender"] == a["gender"])
    b["first_name"], b["last_name"] = a["first_name"], a["last_name"]

    seen: dict[str, int] = {}
    for i in order:  # the earlier hire keeps the plain address
        p = people[i]
        base = f"{ascii_slug(p['first_name'])}.{ascii_slug(p['last_name'])}"
        seen[base] = seen.get(base, 0) + 1
        local = base if seen[base] == 1 else f"{base}{seen[base]}"
        p["email"] = f"{local}@{DOMAIN}"

    for p in people:
        p["timezone"] = SITES[p["site"]]
        p["languages"] = languages_for(rng, p)
        p["interests"] = interests_for(rng, p, p["archetype"])
        p["availability"] = availability_for(rng, p)


def to_json_record(p: dict) -> dict:
    return {
        "external_id": p["external_id"],
        "first_name": p["first_name"],
        "last_name": p["last_name"],
        "email": p["email"],
        "department": p["department"],
        "title": p["title"],
        "grade": p["grade"],
        "manager_external_id": p["manager"]["external_id"] if p["manager"] else None,
        "site": p["site"],
        "timezone": p["timezone"],
        "languages": p["languages"],
        "hire_date": p["hire_date"].isoformat(),
        "role": p["role"],
        "adoption_profile": p["adoption_profile"],
        "availability": p["availability"],
        "interests": p["interests"],
        "skills": p["skills"],
    }


CSV_HEADERS = ["Matricule", "Nom", "Prénom", "Courriel", "Direction", "Poste", "Niveau", "Matricule manager",
               "Site", "Fuseau horaire", "Langues", "Date d'entrée"]


def to_csv(records: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for r in sorted(records, key=lambda r: r["external_id"]):
        y, m, d = r["hire_date"].split("-")
        writer.writerow([
            r["external_id"], r["last_name"], r["first_name"], r["email"], r["department"], r["title"],
            r["grade"], r["manager_external_id"] or "", r["site"], r["timezone"], ", ".join(r["languages"]),
            f"{d}/{m}/{y}",
        ])
    return "\ufeff" + buf.getvalue()


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------

PROFILES = ["categorical", "allergic", "curious", "anxious", "enthusiast", "good_student", "overwhelmed"]
KEYS = ["external_id", "first_name", "last_name", "email", "department", "title", "grade",
        "manager_external_id", "site", "timezone", "languages", "hire_date", "role", "adoption_profile",
        "availability", "interests", "skills"]


def eligible_mentors(records: list[dict], by_id: dict[str, dict]) -> dict[str, list[str]]:
    """For each mentee: mentors outside their reporting chain and team, sharing a language, junior by
    grade, and strong (3+) on at least one of the mentee's goal topics."""

    def chain(eid: str) -> list[str]:
        out = []
        m = by_id[eid]["manager_external_id"]
        while m is not None:
            out.append(m)
            m = by_id[m]["manager_external_id"]
        return out

    mentors = [r for r in records if r["role"] in ("mentor", "both")]
    result = {}
    for me in records:
        if me["role"] not in ("mentee", "both"):
            continue
        goals = {s["topic_id"] for s in me["skills"] if s["target"] is not None}
        my_chain = chain(me["external_id"])
        ok = []
        for mo in mentors:
            if mo["external_id"] == me["external_id"]:
                continue
            if mo["external_id"] in my_chain or me["external_id"] in chain(mo["external_id"]):
                continue
            if mo["manager_external_id"] == me["manager_external_id"]:
                continue
            if not set(mo["languages"]) & set(me["languages"]):
                continue
            if mo["grade"] >= me["grade"]:
                continue
            if not any(s["topic_id"] in goals and s["level"] >= 3 for s in mo["skills"]):
                continue
            ok.append(mo["external_id"])
        result[me["external_id"]] = ok
    return result


def validate(records: list[dict], topics: dict[str, str]) -> dict[str, list[str]]:
    ids = [r["external_id"] for r in records]
    emails = [r["email"] for r in records]
    assert len(PRIMARY_PLATFORMS) == N_MENTEES
    assert len(set(ids)) == len(ids), "duplicate external ids"
    assert len(set(emails)) == len(emails), "duplicate e-mails"
    by_id = {r["external_id"]: r for r in records}
    ceos = [r for r in records if r["manager_external_id"] is None]
    assert len(ceos) == 1 and ceos[0]["grade"] == 10, "exactly one CEO, at grade 10"
    max_depth = 0
    for r in records:
        assert list(r) == KEYS, f"unexpected keys for {r['external_id']}"
        assert re.fullmatch(r"[A-Z]{2}\d{4}", r["external_id"])
        assert re.fullmatch(r"[a-z0-9-]+\.[a-z0-9-]+\d*@" + re.escape(DOMAIN), r["email"]), r["email"]
        assert 1 <= r["grade"] <= 10
        assert r["site"] in SITES and r["timezone"] == SITES[r["site"]]
        assert r["languages"] and r["languages"][0] == "fr" and len(set(r["languages"])) == len(r["languages"])
        assert all(re.fullmatch(r"[a-z]{2}", lang) for lang in r["languages"])
        assert date.fromisoformat(r["hire_date"]) <= REFERENCE_DATE
        assert r["role"] in ("mentor", "mentee", "both", "none")
        assert r["adoption_profile"] is None or r["adoption_profile"] in PROFILES
        assert 2 <= len(r["interests"]) <= 5 and len(set(r["interests"])) == len(r["interests"])
        assert all(i == i.lower() and i in INTERESTS for i in r["interests"])
        # Hierarchy: the manager exists, is more senior, and the chain ends at the CEO (no cycle).
        seen = [r["external_id"]]
        m = r["manager_external_id"]
        while m is not None:
            assert m in by_id, f"unknown manager {m}"
            assert m not in seen, f"cycle through {m}"
            seen.append(m)
            m = by_id[m]["manager_external_id"]
        max_depth = max(max_depth, len(seen) - 1)
        if r["manager_external_id"]:
            assert by_id[r["manager_external_id"]]["grade"] > r["grade"], r["external_id"]
        # Availability.
        slots = r["availability"]
        assert 1 <= len(slots) <= 5, r["external_id"]
        for s in slots:
            assert list(s) == ["weekday", "start_minute", "end_minute"]
            assert 0 <= s["weekday"] <= 6
            assert 0 <= s["start_minute"] < s["end_minute"] <= 1440
            assert 60 <= s["end_minute"] - s["start_minute"] <= 180
        for i, s in enumerate(slots):
            for t in slots[i + 1:]:
                if s["weekday"] == t["weekday"]:
                    assert s["end_minute"] <= t["start_minute"] or t["end_minute"] <= s["start_minute"], \
                        f"overlapping slots for {r['external_id']}"
        # Skills.
        tids = [s["topic_id"] for s in r["skills"]]
        assert len(set(tids)) == len(tids)
        for s in r["skills"]:
            assert list(s) == ["topic_id", "level", "target"]
            assert s["topic_id"] in topics, f"unknown topic {s['topic_id']}"
            assert 0 <= s["level"] <= 4 and (s["target"] is None or 0 <= s["target"] <= 4)
        goals = [s for s in r["skills"] if s["target"] is not None]
        if r["role"] in ("mentor", "both"):
            assert r["grade"] <= 4
            assert sum(1 for s in r["skills"] if s["level"] >= 3 and s["target"] is None) >= 3
        if r["role"] == "mentee":
            assert 5 <= r["grade"] <= 9
            assert 3 <= len(goals) <= 8
            assert all(s["level"] <= 2 and 2 <= s["target"] <= 4 and s["target"] > s["level"] for s in goals)
            assert 1 <= len({topics[s["topic_id"]] for s in goals}) <= 3
        if r["role"] == "both":
            assert goals
        if r["role"] in ("mentor", "none"):
            assert not goals
    assert 4 <= max_depth <= 5, f"hierarchy depth {max_depth}"
    assert 140 <= len(records) <= 160
    assert len({r["department"] for r in records}) >= 6
    roles = Counter(r["role"] for r in records)
    assert 36 <= roles["mentor"] + roles["both"] <= 44, roles
    assert 36 <= roles["mentee"] <= 44, roles
    mentee_profiles = {r["adoption_profile"] for r in records if r["role"] == "mentee"}
    assert set(PROFILES) <= mentee_profiles, "every adoption profile appears among mentees"
    eligible = eligible_mentors(records, by_id)
    with_several = sum(1 for ok in eligible.values() if len(ok) >= 3)
    assert with_several >= 0.9 * len(eligible), "most mentees need several eligible mentors"
    return eligible


def summary(records: list[dict], eligible: dict[str, list[str]]) -> str:
    lines = [f"{COMPANY}: {len(records)} employees"]

    def block(title: str, counter: Counter) -> None:
        lines.append(f"{title}:")
        for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
            lines.append(f"  {str(k):<28} {v:>4}")

    block("departments", Counter(r["department"] for r in records))
    block("roles", Counter(r["role"] for r in records))
    block("adoption profiles (mentees)",
          Counter(r["adoption_profile"] for r in records if r["role"] == "mentee"))
    block("adoption profiles (mentors and both)",
          Counter(r["adoption_profile"] for r in records if r["role"] in ("mentor", "both")))
    block("sites", Counter(r["site"] for r in records))
    block("languages", Counter(lang for r in records for lang in r["languages"]))
    block("goal platforms (mentees)",
          Counter(s["topic_id"].split(".")[0] for r in records if r["role"] == "mentee"
                  for s in r["skills"] if s["target"] is not None))
    counts = sorted(len(v) for v in eligible.values())
    lines.append(f"eligible mentors per mentee: min {counts[0]}, median {counts[len(counts) // 2]}, "
                 f"max {counts[-1]}")
    return "\n".join(lines)


def main() -> int:
    rng = random.Random(SEED)
    topics = load_topics()
    company = Company(rng)
    ceo = company.add(CEO, DG, None, "Paris")
    for department, nodes in ORG_DEPARTMENTS:
        for node in nodes:
            company.build(node, department, ceo, "Paris")
    people = company.people
    assign_program(rng, people, topics)
    finalize(rng, people)

    # Top-down order (each manager before their reports), so a loader can insert in one pass.
    ordered = sorted(people, key=lambda p: (depth(p), p["external_id"]))
    records = [to_json_record(p) for p in ordered]
    eligible = validate(records, topics)

    doc = {"company": COMPANY, "employees": records}
    (HERE / "company.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (HERE / "hr-export.csv").write_bytes(to_csv(records).encode("utf-8"))
    print(summary(records, eligible))
    return 0


if __name__ == "__main__":
    sys.exit(main())
