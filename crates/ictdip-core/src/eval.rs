//! Scoring events against hand-made labels: `ictdip eval GOLD.json [PATH]`.
//!
//! The rules are those of the labelling guide the gold files follow: each article is scored on its
//! main event (the one marked `primary`); countries, bodies, topics and people (by surname) as
//! sets, with precision, recall and F1 summed over all articles; event date, publication date,
//! place country, city and kind as exact matches. A label may accept other answers
//! (`alt_event_date`, `alt_place`) and leave some countries or bodies optional
//! (`optional_countries`, `optional_orgs`); `strict` scores the main labels alone. A field the
//! label leaves out is not scored for that article.
//!
//! Events are compared in their exported JSON form, so that what is scored is exactly what
//! `export` prints and what any other scorer of that output would see.

use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

/// One article's labels.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Label {
    pub file: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub published: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub event_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub place: Option<Option<LabelPlace>>,
    #[serde(default)]
    pub countries: Option<Vec<String>>,
    #[serde(default)]
    pub orgs: Option<Vec<String>>,
    #[serde(default)]
    pub topics: Option<Vec<String>>,
    #[serde(default)]
    pub people: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    pub kind: Option<Option<String>>,
    #[serde(default)]
    pub alt_event_date: Vec<Option<String>>,
    #[serde(default)]
    pub alt_place: Vec<LabelPlace>,
    #[serde(default)]
    pub optional_countries: Vec<String>,
    #[serde(default)]
    pub optional_orgs: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// Tells a field given as `null` (`Some(None)`: labelled, and the answer is "none") from a field
/// left out (`None`: not labelled, not scored).
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct LabelPlace {
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
}

/// The set-valued fields, in the order they are printed.
pub const SET_FIELDS: [&str; 4] = ["countries", "orgs", "topics", "people"];
/// The single-valued fields, in the order they are printed.
pub const EXACT_FIELDS: [&str; 5] = ["event_date", "published", "place.country", "place.city", "kind"];

/// True and false positives and false negatives of a set-valued field.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SetScore {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl SetScore {
    /// Precision, recall and F1; a field with nothing expected and nothing found scores 1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if a + b == 0 { 1.0 } else { a as f64 / (a + b) as f64 };
        let (p, r) = (ratio(self.tp, self.fp), ratio(self.tp, self.fn_));
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
    /// F1, or NaN when the field was never labelled or found (as the reference scorer prints it).
    pub fn f1(&self) -> f64 {
        if self.tp + self.fp + self.fn_ == 0 {
            f64::NAN
        } else {
            self.prf().2
        }
    }
}

/// Right answers out of the articles labelled for a single-valued field.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ExactScore {
    pub right: usize,
    pub labelled: usize,
}

impl ExactScore {
    pub fn accuracy(&self) -> f64 {
        if self.labelled == 0 {
            1.0
        } else {
            self.right as f64 / self.labelled as f64
        }
    }
}

/// A wrong answer, for `--verbose`.
#[derive(Clone, Debug, PartialEq)]
pub struct Miss {
    pub file: String,
    pub field: &'static str,
    pub got: String,
    pub want: String,
}

/// The figures for a set of labels.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub strict: bool,
    pub sets: HashMap<&'static str, SetScore>,
    pub exact: HashMap<&'static str, ExactScore>,
    /// Labelled articles the events say nothing of.
    pub missing: Vec<String>,
    pub misses: Vec<Miss>,
}

impl Report {
    pub fn f1(&self, field: &str) -> f64 {
        self.sets.get(field).map_or(f64::NAN, SetScore::f1)
    }
    pub fn accuracy(&self, field: &str) -> f64 {
        self.exact.get(field).map_or(1.0, ExactScore::accuracy)
    }

    /// The summary line: one line with the figures the targets are set on.
    pub fn summary(&self) -> String {
        format!(
            "summary{}: {} articles · countries F1 {:.3} · orgs F1 {:.3} · date {:.3} · place {:.3} · city {:.3} · people F1 {:.3} · kind {:.3}",
            if self.strict { " (strict)" } else { "" },
            self.articles,
            self.f1("countries"),
            self.f1("orgs"),
            self.accuracy("event_date"),
            self.accuracy("place.country"),
            self.accuracy("place.city"),
            self.f1("people"),
            self.accuracy("kind"),
        )
    }

    /// The whole report as printed: the misses when `verbose`, a line per field, the summary.
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        if verbose {
            for m in &self.misses {
                let _ = writeln!(s, "  {} {}: got {} want {}", m.file, m.field, m.got, m.want);
            }
        }
        for field in SET_FIELDS {
            let sc = self.sets[field];
            if sc.tp + sc.fp + sc.fn_ == 0 {
                continue;
            }
            let (p, r, f) = sc.prf();
            let _ =
                writeln!(s, "{field:14} P {p:.3}  R {r:.3}  F1 {f:.3}  (tp {}, fp {}, fn {})", sc.tp, sc.fp, sc.fn_);
        }
        for field in EXACT_FIELDS {
            let e = self.exact[field];
            let _ = writeln!(s, "{field:14} accuracy {:.3}  ({}/{})", e.accuracy(), e.right, e.labelled);
        }
        if !self.missing.is_empty() {
            let first: Vec<&str> = self.missing.iter().take(10).map(String::as_str).collect();
            let _ = writeln!(s, "articles with no event: {}: {}", self.missing.len(), first.join(", "));
        }
        let _ = writeln!(s, "{}", self.summary());
        s
    }
}

/// The last path component: labels name files, exports name paths relative to the loaded folder.
fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// People are compared by surname (the last word, initials split off), lowercased: labels keep
/// names as written, in any case form of the first name.
fn surname(name: &str) -> String {
    name.replace('.', ". ").split_whitespace().last().unwrap_or("").to_lowercase()
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

fn city_key(c: Option<&str>) -> Option<String> {
    c.map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty())
}

fn show(v: Option<&String>) -> String {
    v.map_or("None".into(), |s| format!("{s:?}"))
}

fn show_set(s: &BTreeSet<String>) -> String {
    format!("{:?}", s.iter().collect::<Vec<_>>())
}

/// A single-valued field's name, whether the label gives it, the answer, the answers accepted.
type ExactAnswer = (&'static str, bool, Option<String>, Vec<Option<String>>);

/// Scores `events` (the exported JSON array) against `labels`.
///
/// Long: the reference scorer's rules field by field, in its order, so that the two can be read
/// side by side.
pub fn score(events: &[Value], labels: &[Label], strict: bool) -> Report {
    let mut by_file: HashMap<&str, Vec<&Value>> = HashMap::new();
    for e in events {
        by_file.entry(base_name(e["file"].as_str().unwrap_or(""))).or_default().push(e);
    }
    let mut report = Report { articles: labels.len(), strict, ..Report::default() };
    for f in SET_FIELDS {
        report.sets.insert(f, SetScore::default());
    }
    for f in EXACT_FIELDS {
        report.exact.insert(f, ExactScore::default());
    }
    let none = Value::Null;
    for label in labels {
        let evs = by_file.get(label.file.as_str()).map_or(&[][..], Vec::as_slice);
        if evs.is_empty() {
            report.missing.push(label.file.clone());
        }
        let primary = evs.iter().find(|e| e["primary"] == true).or(evs.first()).copied().unwrap_or(&none);

        let people = |v: &Value| -> BTreeSet<String> {
            v.as_array()
                .map(|a| a.iter().map(|p| surname(p["name"].as_str().or(p.as_str()).unwrap_or(""))).collect())
                .unwrap_or_default()
        };
        for field in SET_FIELDS {
            let wanted = match field {
                "countries" => &label.countries,
                "orgs" => &label.orgs,
                "topics" => &label.topics,
                _ => &label.people,
            };
            let Some(wanted) = wanted else { continue };
            let (mut got, mut want): (BTreeSet<String>, BTreeSet<String>) = if field == "people" {
                (people(&primary["people"]), wanted.iter().map(|p| surname(p)).collect())
            } else {
                (strings(&primary[field]), wanted.iter().cloned().collect())
            };
            if !strict {
                let optional = match field {
                    "countries" => &label.optional_countries,
                    "orgs" => &label.optional_orgs,
                    _ => &Vec::new(),
                };
                for o in optional {
                    got.remove(o);
                    want.remove(o);
                }
            }
            let sc = report.sets.get_mut(field).expect("every set field has a score");
            sc.tp += got.intersection(&want).count();
            sc.fp += got.difference(&want).count();
            sc.fn_ += want.difference(&got).count();
            if got != want && matches!(field, "countries" | "orgs") {
                report.misses.push(Miss {
                    file: label.file.clone(),
                    field,
                    got: format!("extra {}", show_set(&got.difference(&want).cloned().collect())),
                    want: format!("missed {}", show_set(&want.difference(&got).cloned().collect())),
                });
            }
        }

        let place = &primary["place"];
        let got_country = place["country"].as_str().map(str::to_string);
        let got_city = city_key(place["city"].as_str());
        let mut places: Vec<LabelPlace> = vec![label.place.clone().flatten().unwrap_or_default()];
        let mut dates: Vec<Option<String>> = vec![label.event_date.clone().flatten()];
        if !strict {
            places.extend(label.alt_place.iter().cloned());
            dates.extend(label.alt_event_date.iter().cloned());
        }
        let answers: [ExactAnswer; 5] = [
            ("event_date", label.event_date.is_some(), primary["date"].as_str().map(str::to_string), dates),
            (
                "published",
                label.published.is_some(),
                primary["published"].as_str().map(str::to_string),
                vec![label.published.clone().flatten()],
            ),
            ("place.country", label.place.is_some(), got_country, places.iter().map(|p| p.country.clone()).collect()),
            (
                "place.city",
                label.place.is_some(),
                got_city,
                places.iter().map(|p| city_key(p.city.as_deref())).collect(),
            ),
            (
                "kind",
                label.kind.is_some(),
                primary["kind"].as_str().map(str::to_string),
                vec![label.kind.clone().flatten()],
            ),
        ];
        for (field, labelled, got, accepted) in answers {
            if !labelled {
                continue;
            }
            let e = report.exact.get_mut(field).expect("every exact field has a score");
            e.labelled += 1;
            if accepted.contains(&got) {
                e.right += 1;
            } else {
                let want = if accepted.len() == 1 {
                    show(accepted[0].as_ref())
                } else {
                    format!("[{}]", accepted.iter().map(|a| show(a.as_ref())).collect::<Vec<_>>().join(", "))
                };
                report.misses.push(Miss { file: label.file.clone(), field, got: show(got.as_ref()), want });
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn labels(v: Value) -> Vec<Label> {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn the_primary_event_is_scored_with_alternatives_unless_strict() {
        let events = vec![
            json!({"file": "dir/a.txt", "primary": false, "date": "2025-01-01", "countries": ["US"], "orgs": []}),
            json!({"file": "dir/a.txt", "primary": true, "date": "2025-06-18", "published": "2025-06-18",
                   "place": {"city": "Dushanbe", "country": "TJ"}, "countries": ["CN", "TJ", "TH"],
                   "orgs": ["SCO"], "kind": "meeting", "people": [{"name": "Б.Б.Мусин"}]}),
        ];
        let gold = labels(json!([{
            "file": "a.txt", "published": "2025-06-18", "event_date": "2025-06-17",
            "alt_event_date": ["2025-06-18"], "place": null, "alt_place": [{"city": "Dushanbe", "country": "TJ"}],
            "countries": ["CN", "KZ"], "optional_countries": ["TH"], "orgs": ["SCO"], "kind": "meeting",
            "people": ["Багдат Мусин"]
        }]));
        let r = score(&events, &gold, false);
        assert_eq!(r.accuracy("event_date"), 1.0);
        assert_eq!(r.accuracy("place.country"), 1.0);
        assert_eq!(r.accuracy("place.city"), 1.0);
        // CN right, TJ extra, KZ missed; TH optional on both sides.
        assert_eq!(r.sets["countries"], SetScore { tp: 1, fp: 1, fn_: 1 });
        assert_eq!(r.sets["people"], SetScore { tp: 1, fp: 0, fn_: 0 });
        assert_eq!(r.f1("orgs"), 1.0);

        let strict = score(&events, &gold, true);
        assert_eq!(strict.accuracy("event_date"), 0.0);
        assert_eq!(strict.accuracy("place.country"), 0.0);
        assert_eq!(strict.sets["countries"], SetScore { tp: 1, fp: 2, fn_: 1 });
        assert!(strict.summary().starts_with("summary (strict): 1 articles · countries F1 0.400"));
        let lines = strict.render(true);
        assert!(lines.contains("  a.txt event_date: got \"2025-06-18\" want \"2025-06-17\""), "{lines}");
        assert!(lines.contains("  a.txt place.country: got \"TJ\" want None"), "{lines}");
    }

    #[test]
    fn fields_left_out_of_a_label_are_not_scored_and_unknown_files_are_missing() {
        let gold = labels(json!([{"file": "b.txt", "countries": ["KZ"]}]));
        let r = score(&[], &gold, false);
        assert_eq!(r.missing, ["b.txt"]);
        assert_eq!(r.exact["event_date"].labelled, 0);
        assert_eq!(r.sets["countries"], SetScore { tp: 0, fp: 0, fn_: 1 });
        assert!(r.f1("orgs").is_nan());
        assert!(r.render(false).contains("articles with no event: 1: b.txt"));
    }

    #[test]
    fn surnames_ignore_initials_and_case() {
        assert_eq!(surname("Т.В.Нагендра Прасад"), "прасад");
        assert_eq!(surname("Б.Б.Мусин"), "мусин");
        assert_eq!(surname("Doreen Bogdan-Martin"), "bogdan-martin");
    }
}
