//! The bundled sample articles scored against the hand-made labels in `../shared/gold/` with the
//! shared scorer, exactly as a user would run it.

use std::path::Path;
use std::process::Command;

#[test]
fn seeds_match_the_gold_labels() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let gold = shared.join("gold/seeds.json");
    let scorer = shared.join("tools/score.py");
    assert!(gold.exists() && scorer.exists(), "the gold labels and scorer are expected at {}", shared.display());

    let out =
        Command::new(env!("CARGO_BIN_EXE_ictdip")).args(["export", "--format", "json"]).output().expect("run ictdip");
    assert!(out.status.success(), "export failed: {}", String::from_utf8_lossy(&out.stderr));
    let dir = tempfile::tempdir().expect("temp dir");
    let events = dir.path().join("events.json");
    std::fs::write(&events, &out.stdout).expect("write events");

    let score = Command::new("python3")
        .arg(&scorer)
        .arg(&events)
        .arg(&gold)
        .arg("--verbose")
        .output()
        .expect("run python3 score.py");
    let report = String::from_utf8_lossy(&score.stdout);
    assert!(score.status.success(), "scorer failed: {report}{}", String::from_utf8_lossy(&score.stderr));
    let summary = report.lines().last().unwrap_or_default();
    for field in ["countries F1 1.000", "orgs F1 1.000", "date 1.000", "place 1.000", "city 1.000"] {
        assert!(summary.contains(field), "expected {field:?} in the score:\n{report}");
    }
}
