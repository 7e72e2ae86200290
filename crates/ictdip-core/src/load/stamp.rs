//! The lines at the top of a news page that carry a date: the article's own stamp
//! (`17.06.2025 15:32`, `24.09.08 11:30`, `16/08/2023`, `2022-11-01 10:32:46`,
//! `14 марта 2025, 09:20`, `November 10, 2016`, `13:00, 14 February, 2019`,
//! `2 марта 2020 г., Москва, Российская Федерация`), and the site's widgets that only look like
//! one: a clock (`9 июля 2025, среда, 01:38, Душанбе`, `Суббота, 23 ноября 2024`), currency
//! rates (`Курсы валют от 01/11/2024`), the weather.
//!
//! A stamp is a line that is mostly its date: once the date, times, numbers, punctuation and a few
//! words pages print beside a stamp ("просмотров", "updated", a section or city name) are taken
//! away, little is left. A widget names a weekday, a currency or the weather: a page's article
//! stamp does not, while the clock at the top of every page of a site does.

use crate::lexicon::months;
use crate::model::EventDate;
use regex::Regex;
use std::sync::OnceLock;

/// What a line near the top of a page is, as far as dates go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateLine {
    /// The article's stamp: its publication date (maybe without a year).
    Stamp(EventDate),
    /// A clock, currency or weather widget: a date that is nobody's.
    Widget,
}

struct Patterns {
    /// `17.06.2025`, `24.09.08`, `16/08/2023`.
    day_month_year: Regex,
    /// `14:12 - 16 / 05 / 2011`.
    timed_spaced: Regex,
    /// `2022-11-01`, `2022/11/01`.
    year_month_day: Regex,
    /// `14 марта 2025`, `14 February, 2019`, `10 Nov 2016`, `20 апр`.
    day_word: Regex,
    /// `November 10, 2016`, `Nov. 10`, `Июнь 21, 2025`.
    word_day: Regex,
    /// A time of day: `15:32`, `20:53:00`.
    time: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        day_month_year: Regex::new(r"(?:^|[^\d.])(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?:[^\d.]|$)")
            .expect("pattern"),
        // "14:12 - 16 / 05 / 2011": slashes set apart, after the time. Without a time the form is
        // a site's date widget ("среда, апрель 24" over "24 / 4 / 2024").
        timed_spaced: Regex::new(r"\d{1,2}:\d{2}\s*[-–—|,]?\s*(\d{1,2}) / (\d{1,2}) / (\d{4})(?:\D|$)")
            .expect("pattern"),
        year_month_day: Regex::new(r"(?:^|\D)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\D|$)").expect("pattern"),
        day_word: Regex::new(r"(?:^|[^\d:])(\d{1,2}),?\s+([a-zа-я]{3,9})\.?(?:,?\s+(\d{4}))?").expect("pattern"),
        word_day: Regex::new(r"([a-zа-я]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?(?:\D|$)").expect("pattern"),
        time: Regex::new(r"\d{1,2}:\d{2}(?::\d{2})?").expect("pattern"),
    })
}

/// A two-digit year of a news stamp: this century unless it would lie well in the future.
fn full_year(digits: &str) -> Option<i32> {
    let y: i32 = digits.parse().ok()?;
    Some(match digits.len() {
        2 if y <= 69 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    })
}

/// The date of day `d` of month `m` in year `y` (or in no year), if such a day exists; a
/// year-less day is tried in a leap year, so that 29 February stands.
fn checked(y: Option<i32>, m: u32, d: u32) -> Option<EventDate> {
    chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2024), m, d)?;
    match y {
        Some(y) if (1990..=2100).contains(&y) => Some(EventDate::day(y, m, d)),
        Some(_) => None,
        None => Some(EventDate::day_month(m, d)),
    }
}

/// The first date in a folded line, with the byte range it takes.
fn first_date(line: &str) -> Option<(EventDate, std::ops::Range<usize>)> {
    let p = patterns();
    let mut best: Option<(EventDate, std::ops::Range<usize>)> = None;
    let mut offer = |d: Option<EventDate>, r: std::ops::Range<usize>| {
        if let Some(d) = d
            && best.as_ref().is_none_or(|(_, b)| r.start < b.start)
        {
            best = Some((d, r));
        }
    };
    let num = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse::<u32>().ok());
    if let Some(c) = p.day_month_year.captures(line) {
        let (d, m) = (num(c.get(1)), num(c.get(2)));
        let y = c.get(3).and_then(|y| full_year(y.as_str()));
        if let (Some(d), Some(m), Some(y)) = (d, m, y) {
            offer(checked(Some(y), m, d), c.get(1).expect("day").start()..c.get(3).expect("year").end());
        }
    }
    if let Some(c) = p.timed_spaced.captures(line)
        && let (Some(d), Some(m), Some(y)) = (num(c.get(1)), num(c.get(2)), num(c.get(3)))
    {
        offer(checked(Some(y as i32), m, d), c.get(1).expect("day").start()..c.get(3).expect("year").end());
    }
    if let Some(c) = p.year_month_day.captures(line)
        && let (Some(y), Some(m), Some(d)) = (num(c.get(1)), num(c.get(2)), num(c.get(3)))
    {
        offer(checked(Some(y as i32), m, d), c.get(1).expect("year").start()..c.get(3).expect("day").end());
    }
    for c in p.day_word.captures_iter(line) {
        let Some(m) = c.get(2).and_then(|w| months::month_of(w.as_str())) else { continue };
        let (Some(d), y) = (num(c.get(1)), c.get(3).and_then(|y| full_year(y.as_str()))) else { continue };
        let end = c.get(3).or(c.get(2)).expect("month").end();
        offer(checked(y, m, d), c.get(1).expect("day").start()..end);
        break;
    }
    for c in p.word_day.captures_iter(line) {
        let Some(m) = c.get(1).and_then(|w| months::month_of(w.as_str())) else { continue };
        let (Some(d), y) = (num(c.get(2)), c.get(3).and_then(|y| full_year(y.as_str()))) else { continue };
        // A Russian month before the day is a stamp with its year ("Июнь 21, 2025"); without one
        // it is a feed's or a clock's ("Пятница / Май 03").
        if y.is_none() && !c.get(1).is_some_and(|w| w.as_str().is_ascii()) {
            continue;
        }
        let end = c.get(3).or(c.get(2)).expect("day").end();
        offer(checked(y, m, d), c.get(1).expect("month").start()..end);
        break;
    }
    best
}

/// Words that name a weekday, a currency or the weather: a widget's, not an article's.
pub fn widget_word(w: &str) -> bool {
    const WEEKDAYS: [&str; 22] = [
        "понедельник",
        "вторник",
        "среда",
        "среду",
        "четверг",
        "пятница",
        "пятницу",
        "суббота",
        "субботу",
        "воскресенье",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "курсы",
        "курс",
        "валют",
        "погода",
        "weather",
    ];
    WEEKDAYS.contains(&w) || matches!(w, "usd" | "eur" | "rub" | "kzt" | "uzs" | "exchange")
}

/// Words a page prints beside its stamp, which do not make the line text.
fn filler(w: &str) -> bool {
    matches!(
        w,
        "г" | "года"
            | "год"
            | "в"
            | "at"
            | "on"
            | "utc"
            | "gmt"
            | "мск"
            | "просмотров"
            | "просмотры"
            | "просмотр"
            | "views"
            | "view"
            | "read"
            | "обновлено"
            | "updated"
            | "опубликовано"
            | "published"
            | "дата"
            | "date"
            | "публикации"
            | "новости"
            | "news"
            | "время"
            | "time"
    )
}

/// What a folded line (lowercase, `ё` as `е`) is, when it is a stamp or a widget.
pub fn classify(folded_line: &str) -> Option<DateLine> {
    let line = folded_line.trim();
    // A stamp line is short; body paragraphs that open with a date are not stamps.
    if line.is_empty() || crate::lexicon::chars_at_most(line, 91) > 90 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let words = || {
        line.split(|c: char| !(crate::lexicon::is_word_char(c) || c == '.' || c == '_')).map(|w| w.trim_matches('.'))
    };
    if line.contains(['$', '€', '₽', '°']) || words().any(widget_word) {
        return Some(DateLine::Widget);
    }
    let (date, span) = first_date(line)?;
    let rest = format!("{} {}", &line[..span.start], &line[span.end..]);
    let rest = patterns().time.replace_all(&rest, " ");
    let text_words = rest
        .split(|c: char| !(crate::lexicon::is_word_char(c) || c == '.' || c == '-'))
        .map(|w| w.trim_matches(['.', '-']))
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()) && !filler(w))
        // A site's own name printed beside its stamp: "Russian.News.Cn", "21.by".
        .filter(|w| !w.contains('.'))
        .count();
    // Without a year, a date beside words is more often a headline's ("Форум пройдет 3 октября")
    // than a stamp, which then shows a time ("20 АПР, 10:32").
    let limit = if date.known_year().is_some() || patterns().time.is_match(line) { 3 } else { 1 };
    (text_words <= limit).then_some(DateLine::Stamp(date))
}

/// A dateline at the start of a lead paragraph, in the forms the stricter patterns of the
/// structure reader leave out: a country after the city (`BISHKEK, Kyrgyzstan, June 17.`), the
/// month before the day (`TEHRAN, Jun. 28 (MNA) –`, `YEREVAN, FEBRUARY 14, ARMENPRESS.`), a city in
/// capitals and a dash alone (`ASTANA –`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// Where the dateline ends in the line (the body starts there).
    pub end: usize,
    /// The city as written.
    pub city: std::ops::Range<usize>,
    /// Its date, if it gives one (maybe without a year).
    pub date: Option<EventDate>,
}

/// An agency's name after a dateline's dash, ended by a full stop: "МОСКВА, 4 июл – РАПСИ.",
/// "ТАШКЕНТ, 26 сен — Sputnik.", "АСТАНА, 23 апр - ИА Новости-Казахстан.". One or two
/// capitalised words and a full stop make no sentence, so they are the dateline's; left to the
/// body, the agency was read as the article's first sentence, and so as its title.
pub(crate) const AGENCY_AFTER_DASH: &str =
    r"(?-i:[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\-]{1,20}(?: [A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\-]{1,20})?)\.(?:\s+|$)";

/// The dateline patterns: ending in a dash, colon or full stop (and an agency's name after the
/// dash); or, with no such mark, in the agency's closing bracket or slash ("Азербайджан, Баку, 9
/// января /корр. Trend/ В Министерстве").
fn dateline_patterns() -> &'static [Regex; 3] {
    static P: OnceLock<[Regex; 3]> = OnceLock::new();
    P.get_or_init(|| {
        let word = r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'’\-]+";
        let date = r"\d{1,2}\s+[A-Za-zА-Яа-яЁё]+\.?(?:,?\s+\d{4})?|[A-Za-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\.\d{1,2}\.\d{2,4}";
        let bracketed = r"\([^)\n]{1,60}\)|/[^/\n]{1,40}/";
        let agency = format!(r"{bracketed}|[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё.\-]{{1,20}}(?: [A-ZА-ЯЁ][A-Za-zА-Яа-яЁё.\-]{{1,20}})?");
        // The date is tried before a country after the city: "TEHRAN, Jun. 28" names none.
        let head = format!(
            r"^\s*(?P<city>{word}(?:[ -]{word}){{0,2}})(?:[,.]\s*(?P<date>{date})|,\s*{word}(?: {word})?(?:[,.]\s*(?P<date2>{date}))?)?"
        );
        // The date first, then the city and the agency: "20 октября, Минск /Корр. БЕЛТА/.".
        let date_first = format!(r"^\s*(?P<date>{date})(?:\s*г\.)?\s*,\s*(?P<city>{word}(?:[ -]{word}){{0,2}})");
        [
            Regex::new(&format!(
                r"{head}(?:\s*[,.]?\s*(?P<agency>{agency}))?\s*(?:(?:--|[–—-])\s*{AGENCY_AFTER_DASH}|(?:--|[–—-]|:|\.)(?:\s|$))"
            )),
            Regex::new(&format!(r"{head}\s*[,.]?\s*(?P<agency>{bracketed})(?:\s|$)")),
            Regex::new(&format!(r"{date_first}\s*[,.]?\s*(?P<agency>{bracketed})\s*(?:--|[–—-]|:|\.)?(?:\s|$)")),
        ]
        .map(|r| r.expect("dateline pattern"))
    })
}

/// The dateline opening `line`, if it has one of the forms [`Dateline`] lists.
pub fn dateline(line: &str) -> Option<Dateline> {
    let cut = (0..=line.len().min(160)).rev().find(|&i| line.is_char_boundary(i)).unwrap_or(0);
    let head = &line[..cut];
    // The city runs to the first comma, full stop, dash, colon or bracket, in a few words: most
    // paragraphs fail here, before any pattern runs.
    // A date first ("20 октября, Минск /Корр. БЕЛТА/.") needs its agency after the city.
    let date_first = head.trim_start().starts_with(|c: char| c.is_ascii_digit());
    if date_first && !head.contains(['(', '/']) {
        return None;
    }
    let city_end = head.find([',', '.', '–', '—', '-', ':', '(', '/'])?;
    let city_words = head[..city_end].split_whitespace().count();
    if !date_first
        && (city_end > 60 || !(1..=3).contains(&city_words) || !head.trim_start().starts_with(char::is_uppercase))
    {
        return None;
    }
    // The patterns' automata find a match; groups are then taken over the match alone.
    let c = dateline_patterns().iter().find_map(|p| p.find(head).and_then(|m| p.captures(&head[..m.end()])))?;
    let city = c.name("city")?;
    if crate::lexicon::fold(city.as_str()).split_whitespace().any(widget_word) {
        return None;
    }
    let written = c.name("date").or(c.name("date2"));
    let date = written.and_then(|d| first_date(&crate::lexicon::fold(d.as_str())).map(|(d, _)| d));
    if written.is_some() && date.is_none() {
        return None;
    }
    // Without a date or an agency, only a city in capitals is read as a dateline ("ASTANA –"):
    // a sentence may open with a capitalised word and a colon.
    // And then only before a dash: "МИД РФ: Россия и Китай ..." is a speaker's headline.
    let capitals = city.as_str().chars().filter(|&c| crate::lexicon::is_letter(c)).all(char::is_uppercase);
    let dash = c.get(0).is_some_and(|m| m.as_str().trim_end().ends_with(['–', '—', '-']));
    if date.is_none() && c.name("agency").is_none() && !(capitals && dash) {
        return None;
    }
    // And then only before a paragraph: "CPC - Caspian Policy Center" is a site's name and its
    // expansion, a line of a few words.
    if date.is_none() && c.name("agency").is_none() && line[c.get(0)?.end()..].split_whitespace().nth(4).is_none() {
        return None;
    }
    Some(Dateline { end: c.get(0)?.end(), city: city.range(), date })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::fold;

    fn stamp(line: &str) -> Option<String> {
        match classify(&fold(line)) {
            Some(DateLine::Stamp(d)) => Some(d.to_string()),
            Some(DateLine::Widget) => Some("widget".into()),
            None => None,
        }
    }

    #[test]
    fn article_stamps_in_the_forms_pages_print_them() {
        for (line, want) in [
            ("17.06.2025 15:32", "2025-06-17"),
            ("24.09.08 11:30", "2008-09-24"),
            ("16/08/2023", "2023-08-16"),
            ("15.11.2022 20:53:00", "2022-11-15"),
            ("2022-11-01 10:32:46丨Russian.News.Cn", "2022-11-01"),
            ("14 марта 2025, 09:20", "2025-03-14"),
            ("2 марта 2020 г., Москва, Российская Федерация", "2020-03-02"),
            ("November 10, 2016", "2016-11-10"),
            ("10 Nov 2016", "2016-11-10"),
            ("Nov. 10", "--11-10"),
            ("13:00, 14 February, 2019", "2019-02-14"),
            ("28 September 2022 11:39 (UTC+04:00)", "2022-09-28"),
            ("  31 May 2013    Read: 252", "2013-05-31"),
            ("РОССИЯ - 25 Мая 2023 - 20:46  |  Просмотров - 303", "2023-05-25"),
            ("12:20 10.11.2010", "2010-11-10"),
            ("20 АПР, 10:32", "--04-20"),
            ("16:48 / 07.05.2016 1348", "2016-05-07"),
            ("Женева , 23 июня 2017", "2017-06-23"),
            ("14:12 - 16 / 05 / 2011", "2011-05-16"),
        ] {
            assert_eq!(stamp(line).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn datelines_in_english_and_russian_forms() {
        for (line, city, date, rest) in [
            ("BISHKEK, Kyrgyzstan, June 17. Kyrgyzstan and China signed", "BISHKEK", Some("--06-17"), "Kyrgyzstan and"),
            ("TEHRAN, Jun. 28 (MNA) – Deputy ministers met", "TEHRAN", Some("--06-28"), "Deputy"),
            ("YEREVAN, FEBRUARY 14, ARMENPRESS. Minister Hakob Arshakyan", "YEREVAN", Some("--02-14"), "Minister"),
            ("BAKU, Azerbaijan, October 3. The conference", "BAKU", Some("--10-03"), "The"),
            ("GENEVA, 20 May 2025 — The ITU Council", "GENEVA", Some("2025-05-20"), "The"),
            ("Minsk, 21 November (BelTA) – The ministers", "Minsk", Some("--11-21"), "The"),
            ("ASTANA – At its July 17 meeting", "ASTANA", None, "At"),
            ("Азербайджан, Баку, 9 января /корр. Trend/ В Министерстве", "Азербайджан", Some("--01-09"), "В Мин"),
            ("20 октября, Минск /Корр. БЕЛТА/. Армянский провайдер", "Минск", Some("--10-20"), "Армянский"),
            ("5 мая 2024 г., Ташкент (УзА) – Министры", "Ташкент", Some("2024-05-05"), "Министры"),
            ("TASHKENT, Sept. 26 — Sputnik. The ambassador met", "TASHKENT", Some("--09-26"), "The"),
            ("ALMATY, Feb 1 - RIA Novosti. The premier", "ALMATY", Some("--02-01"), "The"),
        ] {
            let d = dateline(line).unwrap_or_else(|| panic!("no dateline in {line}"));
            assert_eq!(&line[d.city.clone()], city, "{line}");
            assert_eq!(d.date.map(|d| d.to_string()).as_deref(), date, "{line}");
            assert!(line[d.end..].starts_with(rest), "{line}: {:?}", &line[d.end..]);
        }
        for line in [
            "Глава МИД: переговоры прошли успешно.",
            "Министры обсудили цифровую повестку.",
            "Kazakhstan - China talks",
            "20 октября, Минск примет делегации.",
            "МИД РФ: Россия и Китай вместе противостоят фейкам",
            "CPC - Caspian Policy Center",
        ] {
            assert_eq!(dateline(line), None, "{line}");
        }
    }

    #[test]
    fn widgets_are_no_stamps() {
        for line in [
            "9 июля 2025, среда, 01:38, Душанбе",
            "Суббота, 23 ноября 2024",
            "Курсы валют от 01/11/2024",
            "Saturday, 13, July, 2024",
            "Ташкент +31° 14 июня",
            "8395.15 USD -6.38",
            "Флаг Понедельник, 25 ноября 2024",
        ] {
            assert_eq!(stamp(line).as_deref(), Some("widget"), "{line}");
        }
        // A date with its slashes set apart and no time is a site's date, under its weekday.
        assert_ne!(stamp("24 / 4 / 2024").as_deref(), Some("2024-04-24"));
    }

    #[test]
    fn sentences_and_headlines_with_dates_are_neither() {
        for line in [
            "Министры стран СНГ встретятся 5 июня в Минске для обсуждения цифровой повестки",
            "17 июня в городе Карамай прошло совещание министров ШОС",
            "Форум пройдет 3 октября",
            "Стратегия 2025",
        ] {
            assert_eq!(stamp(line), None, "{line}");
        }
    }
}
