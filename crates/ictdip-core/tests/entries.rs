//! Files holding many articles: each article is found again by its name (`file#N`), as the
//! dashboard's reader and the body index open it.

use ictdip_core::corpus::{build, BuildOptions, Source};
use ictdip_core::load::LoadOptions;

#[test]
fn each_article_of_a_json_lines_file_opens_again_by_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"title": "Министры связи СНГ встретились в Ташкенте", "text": "14 мая 2025 года в Ташкенте прошло заседание."}"#,
        "",
        r#"{"title": "Форум в Астане", "text": "12 марта 2025 года в Астане открылся форум."}"#,
    ];
    std::fs::write(dir.path().join("a.jsonl"), lines.join("\n")).unwrap();
    let opts = BuildOptions { cache_dir: None, ..BuildOptions::default() };
    let corpus = build(&Source::Path(dir.path().to_path_buf()), &opts);
    let rels: Vec<&str> = corpus.articles.iter().map(|a| a.rel.as_str()).collect();
    assert_eq!(rels, ["a.jsonl#1", "a.jsonl#3"]);
    for (r, title) in corpus.articles.iter().zip(["Министры связи СНГ встретились в Ташкенте", "Форум в Астане"])
    {
        let a = r.open(&LoadOptions::default()).unwrap();
        assert_eq!(a.rel, r.rel);
        assert_eq!(&a.text[a.structure.title.clone().unwrap()], title);
    }
    // The file changed: an article no longer there says so.
    std::fs::write(dir.path().join("a.jsonl"), lines[0]).unwrap();
    let gone = corpus.articles[1].open(&LoadOptions::default()).unwrap_err();
    assert_eq!(gone.to_string(), "a.jsonl#3: the article is no longer in the file");
}

#[test]
fn a_page_keeps_its_story_and_drops_what_surrounds_it() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/inputs/html/tashkent-nav-related.html");
    let a = ictdip_core::load::load_file(&path, "tashkent-nav-related.html", &LoadOptions::default()).unwrap();
    assert!(a.text.contains("3 декабря 2025 года в Ташкенте министры связи"), "{}", a.text);
    assert!(a.text.contains("подготовить предложения по его распространению"), "{}", a.text);
    for furniture in
        ["Главная", "Политика", "USD", "Поделиться", "Читайте также", "Туркменистан", "Все права защищены", "analytics"]
    {
        assert!(!a.text.contains(furniture), "{furniture:?} in {}", a.text);
    }
    let cp1251 = path.with_file_name("tashkent-cp1251.html");
    let a = ictdip_core::load::load_file(&cp1251, "tashkent-cp1251.html", &LoadOptions::default()).unwrap();
    assert_eq!(a.encoding, "windows-1251");
    assert!(a.text.contains("Координационного совета государств – участников СНГ"), "{}", a.text);
}

#[test]
fn articles_read_again_together_are_those_read_one_by_one() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/inputs");
    let opts = BuildOptions { cache_dir: None, ..BuildOptions::default() };
    let corpus = build(&Source::Path(root), &opts);
    let together = ictdip_core::load::open_all(&corpus.articles, &LoadOptions::default());
    assert_eq!(together.len(), corpus.articles.len());
    for (r, a) in corpus.articles.iter().zip(together) {
        let (a, alone) = (a.unwrap(), r.open(&LoadOptions::default()).unwrap());
        assert_eq!((&a.rel, &a.text), (&alone.rel, &alone.text));
    }
}

#[test]
fn a_feed_is_decoded_by_the_encoding_its_declaration_names() {
    let feed = "<?xml version=\"1.0\" encoding=\"koi8-r\"?>\n<rss version=\"2.0\"><channel><title>Лента</title>\
                <item><title>Связь</title><description>Министры встретились в Ташкенте.</description></item>\
                </channel></rss>\n";
    let (bytes, _, _) = encoding_rs::KOI8_R.encode(feed);
    let all = ictdip_core::load::articles_from_bytes("x.rss", bytes.to_vec()).unwrap();
    let a = &all.articles[0];
    assert_eq!((a.rel.as_str(), a.encoding, a.site.as_deref()), ("x.rss#1", "KOI8-R", Some("Лента")));
    assert_eq!(a.text, "Связь\n\nМинистры встретились в Ташкенте.\n");
}
