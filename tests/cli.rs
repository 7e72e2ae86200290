//! The CLI as a user runs it: formats, filters, warnings on stderr and exit statuses.

use std::process::Command;

fn ictdip(args: &[&str]) -> (bool, String, String) {
    let cache = tempfile::tempdir().unwrap();
    ictdip_with_cache(args, cache.path())
}

fn ictdip_with_cache(args: &[&str], cache: &std::path::Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ictdip"))
        .args(args)
        .env("ICTDIP_CACHE_DIR", cache)
        // Names in English unless a test asks otherwise, whatever the machine's locale.
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("run ictdip");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn export_json_has_the_schema_fields() {
    let (ok, out, _) = ictdip(&["export"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let events = v.as_array().unwrap();
    assert_eq!(events.iter().filter(|e| e["primary"] == true).count(), 5, "one primary event per sample article");
    for key in [
        "id",
        "file",
        "primary",
        "title",
        "published",
        "date",
        "place",
        "countries",
        "orgs",
        "people",
        "kind",
        "topics",
        "warnings",
    ] {
        assert!(events.iter().all(|e| e.get(key).is_some()), "missing {key}");
    }
    let karamay = events.iter().find(|e| e["place"]["city"] == "Karamay").expect("the Karamay meeting");
    assert_eq!(karamay["date"], "2025-06-17");
    assert_eq!(karamay["orgs"], serde_json::json!(["SCO"]));
}

#[test]
fn jsonl_and_csv_have_one_line_per_event() {
    let (_, json, _) = ictdip(&["export"]);
    let n = serde_json::from_str::<serde_json::Value>(&json).unwrap().as_array().unwrap().len();
    let (ok, jsonl, _) = ictdip(&["export", "--format", "jsonl"]);
    assert!(ok);
    assert_eq!(jsonl.lines().count(), n);
    assert!(jsonl.lines().all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()));
    let (ok, csv, _) = ictdip(&["export", "--format", "csv"]);
    assert!(ok);
    assert!(csv.starts_with("id,file,primary,date,"));
    assert_eq!(csv.lines().count(), n + 1);
    let (ok, md, _) = ictdip(&["export", "--format", "md", "--filter", "#шос"]);
    assert!(ok);
    let rows: Vec<&str> = md.lines().collect();
    assert_eq!(rows[0], "| date | kind | place | countries | bodies | title |");
    assert_eq!(rows.len(), 4, "a header, its rule and the two SCO meetings:\n{md}");
    assert!(rows[2].starts_with("| 2025-06-17 | meeting | Karamay, CN | CN | SCO | "), "{md}");
}

#[test]
fn list_filters_like_the_dashboard() {
    let (ok, out, _) = ictdip(&["list", "--filter", "#шос"]);
    assert!(ok);
    let rows: Vec<&str> = out.lines().skip(1).filter(|l| !l.ends_with("events")).collect();
    assert!(rows.iter().all(|r| r.contains("SCO")), "{out}");
    assert!(out.lines().last().unwrap().starts_with(&format!("{} of ", rows.len())), "{out}");
    assert!(rows.iter().any(|r| r.contains("Karamay")) && rows.iter().any(|r| r.contains("Almaty")), "{out}");

    // Leaving out the Almaty meeting's country leaves the Karamay one; a kind that does not exist
    // is said on stderr.
    let (ok, out, err) = ictdip(&["list", "--filter", "#шос -@kz kind:partyy"]);
    assert!(ok);
    assert!(out.contains("Karamay") && !out.contains("Almaty"), "{out}");
    assert!(err.contains("not understood: kind:partyy: not one of meeting,"), "{err}");
    let (_, help, _) = ictdip(&["list", "--help"]);
    assert!(help.contains("kind:forum") && help.contains("-token"), "--help describes the filter language");
}

#[test]
fn warnings_on_stderr_and_exit_status() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.txt"), "В Баку прошла встреча министров 5 мая 2025 года.").unwrap();
    std::fs::write(d.path().join("b.txt"), "").unwrap();
    let (ok, out, err) = ictdip(&["export", d.path().to_str().unwrap()]);
    assert!(ok, "one good file is enough");
    assert_eq!(err.trim(), "ictdip: warning: b.txt: skipped: empty file");
    assert!(out.contains("\"file\": \"a.txt\""));

    let empty = tempfile::tempdir().unwrap();
    let (ok, _, err) = ictdip(&["stats", empty.path().to_str().unwrap()]);
    assert!(!ok, "nothing loaded is a failure");
    assert!(err.contains("no article could be loaded"), "{err}");
}

#[test]
fn files_of_other_types_are_counted_not_passed_over_in_silence() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.txt"), "В Баку прошла встреча министров 5 мая 2025 года.").unwrap();
    for name in ["scan.pdf", "report.pdf", "notes.docx"] {
        std::fs::write(d.path().join(name), "not an article").unwrap();
    }
    let (ok, out, err) = ictdip(&["stats", d.path().to_str().unwrap()]);
    assert!(ok);
    let said = "3 files of other types skipped (pdf 2, docx 1)";
    assert!(out.lines().any(|l| l.starts_with("other files") && l.ends_with(said)), "{out}");
    assert!(err.contains(said), "{err}");
}

#[test]
fn a_dashboard_on_a_missing_path_fails_with_the_reason() {
    let d = tempfile::tempdir().unwrap();
    let missing = d.path().join("nowhere");
    let (ok, _, err) = ictdip(&[missing.to_str().unwrap()]);
    assert!(!ok, "a missing path is a failure");
    assert!(err.contains("nowhere: cannot open: no such file or directory"), "{err}");
}

#[test]
fn cache_is_written_used_and_cleared() {
    let d = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.txt"), "В Баку прошла встреча министров 5 мая 2025 года.").unwrap();
    let dir = d.path().to_str().unwrap();
    let (ok, first, _) = ictdip_with_cache(&["export", dir], cache.path());
    assert!(ok);
    assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 1, "one cache file for the folder");
    let (_, second, _) = ictdip_with_cache(&["export", dir], cache.path());
    assert_eq!(first, second);
    let (_, no_cache, _) = ictdip_with_cache(&["export", "--no-cache", dir], cache.path());
    assert_eq!(first, no_cache);
    let (ok, out, _) = ictdip_with_cache(&["cache", "clear"], cache.path());
    assert!(ok);
    assert_eq!(out.trim(), "removed 1 cache file(s)");
    assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 0);
}

#[test]
fn a_place_as_written_is_found_whether_or_not_evidence_is_printed() {
    // A folder, not the bundled samples: its loads drop the evidence nothing prints.
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    let cache = tempfile::tempdir().unwrap();
    // The city is "Karamay" in the facts; only the text's "Карамае" answers this query.
    // Without the cache, then writing it, then reading it.
    for args in [
        vec!["list", "--no-cache", "--filter", "карамае", folder],
        vec!["list", "--filter", "карамае", folder],
        vec!["list", "--filter", "карамае", folder],
    ] {
        let (ok, out, _) = ictdip_with_cache(&args, cache.path());
        assert!(ok);
        assert!(out.contains("Karamay, CN"), "{args:?}: {out}");
        assert!(out.ends_with("1 of 5 events\n"), "{args:?}: {out}");
    }
    let (_, exported, _) = ictdip(&["export", "--format", "jsonl", "--filter", "карамае", folder]);
    assert_eq!(exported.lines().count(), 1);
}

#[test]
fn lang_names_places_and_kinds_in_russian_or_english() {
    let (ok, ru, _) = ictdip(&["list", "--lang", "ru", "--filter", "#шос"]);
    assert!(ok);
    assert!(ru.contains("встреча") && ru.contains("Алматы, KZ"), "{ru}");
    let (ok, en, _) = ictdip(&["list", "--lang", "en", "--filter", "#шос"]);
    assert!(ok);
    assert!(en.contains("meeting") && en.contains("Almaty, KZ") && !en.contains("встреча"), "{en}");
    // Exports keep their codes in either language.
    let (_, json_ru, _) = ictdip(&["export", "--lang", "ru", "--filter", "#шос"]);
    let (_, json_en, _) = ictdip(&["export", "--lang", "en", "--filter", "#шос"]);
    assert_eq!(json_ru, json_en);
    // The locale decides when --lang is not given.
    let out = Command::new(env!("CARGO_BIN_EXE_ictdip"))
        .args(["list", "--no-cache", "--filter", "#шос"])
        .env("LC_ALL", "ru_RU.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("встреча"));
    let (ok, _, err) = ictdip(&["list", "--lang", "de"]);
    assert!(!ok && err.contains("\"de\" is not a language ictdip speaks"), "{err}");
}
