#!/usr/bin/env python3
"""Wraps every .txt article of a folder in a saved web page of our own design, for measuring how
much reading pages costs beside reading text.

Usage: scripts/html_corpus.py TEXT_FOLDER HTML_FOLDER

Each page has what a news site's saved page has around its article: a head with Open Graph and
JSON-LD metadata, a stylesheet and scripts, a navigation bar, a share widget, a related-articles
list and a footer. The article's first line is its headline, the rest its paragraphs; a line
that reads as a date becomes the page's publication date too.
"""

import html
import json
import os
import re
import sys

MONTHS = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
    "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}

NAV = "".join(f'<li><a href="/section/{s}">{s.title()}</a></li>' for s in
              ["politics", "economy", "technology", "world", "sport", "culture", "video", "photo"])
RELATED = "".join(f'<li><a href="/news/{n}">Другие новости раздела, заголовок номер {n}</a></li>'
                  for n in range(1, 9))
SCRIPT = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}" * 20
STYLE = "body{font-family:sans-serif}.nav li{display:inline}.share a{margin:0 4px}" * 20


def published(lines):
    """The first date in the article's head, as YYYY-MM-DD, if any."""
    for line in lines[:6]:
        m = re.search(r"(\d{1,2}) ([а-я]+) (\d{4})", line)
        if m and m.group(2) in MONTHS:
            return f"{int(m.group(3)):04d}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
        m = re.search(r"(\d{2})\.(\d{2})\.(\d{4})", line)
        if m:
            return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return None


def page(name, text):
    lines = [l for l in text.splitlines()]
    title = next((l for l in lines if l.strip()), name)
    body = lines[lines.index(title) + 1:] if title in lines else lines
    date = published(lines)
    url = f"https://news.example/articles/{name}"
    meta = [
        f'<meta property="og:title" content="{html.escape(title)}">',
        f'<meta property="og:url" content="{url}">',
        '<meta property="og:site_name" content="Example News">',
    ]
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}T10:00:00+05:00">')
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title}
    if date:
        ld["datePublished"] = date
    paragraphs = "".join(f"<p>{html.escape(l)}</p>" for l in body if l.strip())
    return f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8">
<title>{html.escape(title)} — Example News</title>
{''.join(meta)}
<link rel="canonical" href="{url}">
<style>{STYLE}</style>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>{SCRIPT}</script>
</head><body>
<header><nav class="nav"><ul>{NAV}</ul></nav><form><input name="q" placeholder="Поиск"></form></header>
<main><article><h1>{html.escape(title)}</h1>
<div class="share"><a href="#">Telegram</a><a href="#">VK</a><a href="#">WhatsApp</a></div>
{paragraphs}
</article>
<aside class="related"><h2>Читайте также</h2><ul>{RELATED}</ul></aside></main>
<footer><p>© Example News. Все права защищены.</p><p>Адрес редакции и контакты.</p></footer>
<script>{SCRIPT}</script>
</body></html>
"""


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(src, name), encoding="utf-8", errors="replace") as f:
            text = f.read()
        stem = name[:-4]
        with open(os.path.join(dst, stem + ".html"), "w", encoding="utf-8") as f:
            f.write(page(stem, text))


if __name__ == "__main__":
    main()
