//! Folders of what analysts have besides plain text (JSON Lines, JSON, feeds, HTML pages), exported
//! as a user would: every expected value below is read off the fixture in `tests/inputs/`.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/inputs")
}

/// `ictdip export DIR --format json` with a cache of its own: the events by id, and stderr.
fn export_in(dir: &Path, cache: &Path, extra: &[&str]) -> (Vec<Value>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ictdip"))
        .arg("export")
        .arg(dir)
        .args(["--format", "json"])
        .args(extra)
        .env("ICTDIP_CACHE_DIR", cache)
        .output()
        .expect("run ictdip");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    (events.as_array().expect("an array").clone(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn export(dir: &str, extra: &[&str]) -> (Vec<Value>, String) {
    let cache = tempfile::tempdir().unwrap();
    export_in(&root().join(dir), cache.path(), extra)
}

fn event<'a>(events: &'a [Value], id: &str) -> &'a Value {
    events.iter().find(|e| e["id"] == id).unwrap_or_else(|| panic!("no event {id} in {events:#?}"))
}

/// The warning lines of stderr, without the program's prefix.
fn warnings(stderr: &str) -> Vec<&str> {
    stderr.lines().filter_map(|l| l.strip_prefix("ictdip: warning: ")).collect()
}

/// The fields a reader checks first, as one value to compare.
fn facts(e: &Value) -> Value {
    json!({
        "title": e["title"], "published": e["published"], "url": e["url"], "site": e["site"],
        "date": e["date"], "place": e["place"], "countries": e["countries"], "orgs": e["orgs"],
    })
}

#[test]
fn json_lines_give_one_article_a_line_and_name_the_broken_one() {
    let (events, stderr) = export("jsonl", &[]);
    assert_eq!(events.iter().filter(|e| e["primary"] == true).count(), 3, "{events:#?}");
    // Line 1: `date` in ISO 8601 with a time zone, `source` as a string.
    assert_eq!(
        facts(event(&events, "news.jsonl#1#0")),
        json!({
            "title": "В Ташкенте прошло заседание министров связи стран СНГ",
            "published": "2025-05-15",
            "url": "https://digest.example.uz/2025/05/15/sng-svyaz",
            "site": "Дайджест ИКТ",
            "date": "2025-05-14",
            "place": {"city": "Tashkent", "country": "UZ"},
            "countries": ["KZ", "UZ"],
            "orgs": ["CIS"],
        })
    );
    assert_eq!(event(&events, "news.jsonl#1#0")["file"], "news.jsonl#1");
    // Line 2: `body`, `pubDate` as RSS writes it (late in the evening at +05:00: still the 12th),
    // `link` and `site`.
    assert_eq!(
        facts(event(&events, "news.jsonl#2#0")),
        json!({
            "title": "Казахстан и Узбекистан договорились о сотрудничестве в сфере цифровизации",
            "published": "2025-03-12",
            "url": "https://digest.example.uz/2025/03/12/kz-uz",
            "site": "Дайджест ИКТ",
            "date": "2025-03-12",
            "place": {"city": "Astana", "country": "KZ"},
            "countries": ["KZ", "UZ"],
            "orgs": [],
        })
    );
    // Line 4: `headline`, HTML in `content` (its script dropped), `source` as an object.
    let bishkek = event(&events, "news.jsonl#4#0");
    assert_eq!(
        facts(bishkek),
        json!({
            "title": "В Бишкеке обсудили информационную безопасность в рамках ШОС",
            "published": "2025-04-04",
            "url": "https://digest.example.uz/2025/04/04/sco-infosec",
            "site": "Дайджест ИКТ",
            "date": "2025-04-03",
            "place": {"city": "Bishkek", "country": "KG"},
            "countries": ["KG", "KZ", "UZ"],
            "orgs": ["SCO"],
        })
    );
    // Line 3 stops inside a string: the parser reaches the end of its 35 bytes.
    assert_eq!(warnings(&stderr), ["news.jsonl: line 3: not JSON (EOF while parsing a string at column 35)"]);
}

#[test]
fn a_json_array_gives_its_objects_by_line_and_names_the_others() {
    let (events, stderr) = export("json", &[]);
    assert_eq!(events.iter().filter(|e| e["primary"] == true).count(), 2, "{events:#?}");
    assert_eq!(
        facts(event(&events, "digest.json#1#0")),
        json!({
            "title": "В Душанбе открылся форум по цифровой экономике стран СНГ",
            "published": "2025-10-10",
            "url": "https://digest.example.uz/2025/10/10/sng-forum",
            "site": null,
            "date": "2025-10-09",
            "place": {"city": "Dushanbe", "country": "TJ"},
            "countries": ["KZ", "TJ", "UZ"],
            "orgs": ["CIS"],
        })
    );
    assert!(event(&events, "digest.json#1#0").get("site").is_none(), "no site, no field");
    // The fourth item: `content` as paragraphs, a dotted date, `source.name`.
    assert_eq!(
        facts(event(&events, "digest.json#4#0")),
        json!({
            "title": "Узбекистан и Казахстан подписали соглашение о сетях 5G",
            "published": "2025-11-21",
            "url": "https://digest.example.uz/2025/11/21/5g",
            "site": "Дайджест ИКТ",
            "date": "2025-11-20",
            "place": {"city": "Tashkent", "country": "UZ"},
            "countries": ["KZ", "UZ"],
            "orgs": [],
        })
    );
    assert_eq!(
        warnings(&stderr),
        [
            "digest.json: line 8: not a JSON object",
            "digest.json: line 9: no article text (no text, body or content field)"
        ]
    );
}

#[test]
fn files_of_many_articles_load_the_same_from_the_cache() {
    let cache = tempfile::tempdir().unwrap();
    for dir in ["jsonl", "json", "feeds", "html"] {
        let (cold, cold_err) = export_in(&root().join(dir), cache.path(), &[]);
        let (warm, warm_err) = export_in(&root().join(dir), cache.path(), &[]);
        assert_eq!(cold, warm, "{dir}: addresses, sites and evidence come back from the cache");
        assert_eq!(warnings(&cold_err), warnings(&warm_err), "{dir}: so do the problems of single articles");
    }
}

#[test]
fn rss_and_atom_give_one_article_an_item() {
    let (events, stderr) = export("feeds", &[]);
    let primaries: Vec<&str> =
        events.iter().filter(|e| e["primary"] == true).filter_map(|e| e["id"].as_str()).collect();
    assert_eq!(primaries.len(), 5, "{primaries:?}");
    // RSS: `content:encoded` is longer than the teaser in `description` and wins; the channel's
    // title is the site.
    assert_eq!(
        facts(event(&events, "news.rss#1#0")),
        json!({
            "title": "Министры связи СНГ собрались в Ташкенте",
            "published": "2025-06-18",
            "url": "https://eurasia-digital.example.kz/news/2025/06/18/tashkent-ikt",
            "site": "Цифровая Евразия — новости",
            "date": "2025-06-17",
            "place": {"city": "Tashkent", "country": "UZ"},
            "countries": ["KZ", "UZ"],
            "orgs": ["CIS"],
        })
    );
    // Escaped HTML in `description`.
    assert_eq!(
        facts(event(&events, "news.rss#2#0")),
        json!({
            "title": "Казахстан и Узбекистан обсудили цифровые коридоры",
            "published": "2025-07-03",
            "url": "https://eurasia-digital.example.kz/news/2025/07/03/koridory",
            "site": "Цифровая Евразия — новости",
            "date": "2025-07-02",
            "place": {"city": "Almaty", "country": "KZ"},
            "countries": ["KZ", "UZ"],
            "orgs": [],
        })
    );
    // Atom: `published` (late in the evening at +05:00, still the 25th) before `updated`, the
    // alternate link and not the enclosure.
    assert_eq!(
        facts(event(&events, "news.atom#1#0")),
        json!({
            "title": "В Ташкенте прошла конференция по кибербезопасности стран СНГ",
            "published": "2025-09-25",
            "url": "https://vestnik-svyazi.example.ru/2025/09/25/kiber",
            "site": "Вестник связи СНГ",
            "date": "2025-09-24",
            "place": {"city": "Tashkent", "country": "UZ"},
            "countries": ["KG", "KZ", "UZ"],
            "orgs": ["CIS"],
        })
    );
    // `updated` alone, a link without `rel`, XHTML in `summary`.
    assert_eq!(
        facts(event(&events, "news.atom#2#0")),
        json!({
            "title": "Узбекистан примет форум ИКТ",
            "published": "2025-09-26",
            "url": "https://vestnik-svyazi.example.ru/2025/09/26/forum",
            "site": "Вестник связи СНГ",
            "date": "2025-09-26",
            "place": {"city": "Samarkand", "country": "UZ"},
            "countries": ["KZ", "UZ"],
            "orgs": [],
        })
    );
    // The broken feed keeps its first item.
    assert_eq!(
        facts(event(&events, "broken.rss#1#0")),
        json!({
            "title": "Совещание по цифровизации в Ташкенте",
            "published": "2025-08-05",
            "url": null,
            "site": "Лента ИКТ",
            "date": "2025-08-05",
            "place": {"city": "Tashkent", "country": "UZ"},
            "countries": ["KZ", "UZ"],
            "orgs": [],
        })
    );
    assert_eq!(
        warnings(&stderr),
        [
            // Line 11 closes the second item's title with `</description>`.
            "broken.rss: line 11: broken XML (ill-formed document: expected `</title>`, but `</description>` was found); the items after it are not read",
            "news.rss: item 3: no title or text",
            "sitemap.xml: skipped: XML that is not an RSS or Atom feed",
        ]
    );
}

#[test]
fn html_pages_give_their_main_text_and_the_head_their_metadata_names() {
    let (events, stderr) = export("html", &[]);
    assert_eq!(events.len(), 3, "{events:#?}");
    // Windows-1251, declared only by `http-equiv`: the title from `<h1>`, the date from
    // `<time datetime>`, the address from the canonical link, no site named.
    assert_eq!(
        facts(event(&events, "tashkent-cp1251.html#0")),
        json!({
            "title": "В Ташкенте обсудили развитие электронного правительства в странах СНГ",
            "published": "2025-04-23",
            "url": "https://svyaz-news.example.uz/news/2025/04/23/egov",
            "site": null,
            "date": "2025-04-22",
            "place": {"city": "Tashkent", "country": "UZ"},
            "countries": ["KZ", "UZ"],
            "orgs": ["CIS"],
        })
    );
    // UTF-8 with Open Graph and JSON-LD: `og:title` less ` | Цифровой Казахстан`, the date of
    // `article:published_time` (JSON-LD gives the same day in UTC), `og:url`, `og:site_name`.
    assert_eq!(
        facts(event(&events, "astana-og-jsonld.html#0")),
        json!({
            "title": "Министры цифрового развития Казахстана и Узбекистана встретились в Астане",
            "published": "2025-10-10",
            "url": "https://digital-kz.example.kz/news/astana-ministers",
            "site": "Цифровой Казахстан",
            "date": "2025-10-09",
            "place": {"city": "Astana", "country": "KZ"},
            "countries": ["KZ", "UZ"],
            "orgs": ["CIS"],
        })
    );
    // Menus, a currency widget, share buttons, related headlines and a footer around the story:
    // none of the states they name (Russia, China, Kyrgyzstan; Turkmenistan, Azerbaijan, Belarus)
    // is even a mention. The date comes from JSON-LD's `@graph`.
    let nav = event(&events, "tashkent-nav-related.html#0");
    assert_eq!(
        facts(nav),
        json!({
            "title": "В Ташкенте подписано соглашение о цифровой совместимости стран СНГ",
            "published": "2025-12-04",
            "url": null,
            "site": null,
            "date": "2025-12-03",
            "place": {"city": "Tashkent", "country": "UZ"},
            "countries": ["KZ", "UZ"],
            "orgs": ["CIS"],
        })
    );
    assert_eq!(nav["mentioned"], json!({"countries": [], "orgs": []}));
    assert_eq!(warnings(&stderr), Vec::<&str>::new());
}

#[test]
fn one_article_as_text_as_a_page_and_as_a_json_line_gives_one_event() {
    let (events, _) = export("same", &[]);
    let strip = |id: &str| {
        let mut e = event(&events, id).clone();
        let o = e.as_object_mut().unwrap();
        // What names the source, and the byte spans of a text laid out otherwise.
        for key in ["id", "file", "url", "site", "evidence"] {
            o.remove(key);
        }
        e
    };
    let txt = strip("meeting.txt#0");
    assert_eq!(strip("meeting.html#0"), txt);
    assert_eq!(strip("meeting.jsonl#1#0"), txt);
    assert_eq!(
        facts(&txt),
        json!({
            "title": "В Ташкенте состоялась встреча министров ИКТ стран СНГ",
            "published": "2025-06-18",
            "url": null,
            "site": null,
            "date": "2025-06-17",
            "place": {"city": "Tashkent", "country": "UZ"},
            "countries": ["KZ", "UZ"],
            "orgs": ["CIS"],
        })
    );
}

#[test]
fn include_ext_and_exclude_choose_the_files_read() {
    let files = |extra: &[&str]| {
        let (events, stderr) = export(".", extra);
        let mut files: Vec<String> = events
            .iter()
            .filter(|e| e["primary"] == true)
            .filter_map(|e| e["file"].as_str())
            .map(|f| f.split('#').next().unwrap_or(f).to_string())
            .collect();
        files.sort();
        files.dedup();
        (files, stderr)
    };
    let (html, _) = files(&["--include-ext", "html,HTM"]);
    assert_eq!(
        html,
        [
            "html/astana-og-jsonld.html",
            "html/tashkent-cp1251.html",
            "html/tashkent-nav-related.html",
            "same/meeting.html",
        ]
    );
    let (rest, stderr) =
        files(&["--exclude", "html", "--exclude", "*.rss", "--exclude", "same/**", "--exclude", "json/*"]);
    assert_eq!(rest, ["feeds/news.atom", "jsonl/news.jsonl"]);
    assert_eq!(
        warnings(&stderr),
        [
            "feeds/sitemap.xml: skipped: XML that is not an RSS or Atom feed",
            "jsonl/news.jsonl: line 3: not JSON (EOF while parsing a string at column 35)",
        ]
    );
    let out = Command::new(env!("CARGO_BIN_EXE_ictdip")).args(["stats", "--exclude", "a[b"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "ictdip: --exclude \"a[b\": unclosed character class; missing ']'\n"
    );
}

#[test]
fn body_words_are_found_in_articles_of_a_file_holding_many() {
    // Only the first line's article speaks of cybersecurity ("обеспечению кибербезопасности").
    let (events, _) = export("jsonl", &["--filter", "\"кибербезопас"]);
    let ids: Vec<&str> = events.iter().filter_map(|e| e["id"].as_str()).collect();
    assert_eq!(ids, ["news.jsonl#1#0"]);
}
