//! Extraction rules, each on sentences of its own.

use super::*;

fn event(text: &str) -> Event {
    extract(&Article::from_text("t.txt", text)).remove(0)
}

#[test]
fn dateline_gives_year_not_place() {
    let e = event("Совещание министров\nДУШАНБЕ, 18.06.2025 /НИАТ «Ховар»/. 17 июня в городе Карамай состоялось совещание министров связи.");
    assert_eq!(e.date.unwrap().to_string(), "2025-06-17");
    assert_eq!(e.published.unwrap().to_string(), "2025-06-18");
    let p = e.place.unwrap();
    assert_eq!((p.city.as_deref(), p.country.as_str()), (Some("Karamay"), "CN"));
    assert!(!e.countries.iter().any(|c| c == "TJ"), "the dateline city is the outlet's");
}

#[test]
fn year_unknown_stays_unknown() {
    let e = event("1 февраля с.г. в г. Алматы состоялось совещание министров.");
    assert_eq!(e.date.unwrap().to_string(), "--02-01");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Almaty"));
}

#[test]
fn same_day_report_takes_publication_date() {
    let e = event("Заголовок\n21 ноября 2025\nВ Ташкенте прошла встреча министров Узбекистана и Кыргызстана.");
    assert_eq!(e.date.unwrap().to_string(), "2025-11-21");
    assert_eq!(e.place.as_ref().unwrap().city.as_deref(), Some("Tashkent"));
    assert_eq!(e.countries, ["KG", "UZ"]);
}

#[test]
fn relative_dates_use_publication() {
    let e = event("Новость\nМОСКВА, 5 марта 2024 года. Вчера в Минске прошло заседание Совета глав государств СНГ.");
    assert_eq!(e.date.unwrap().to_string(), "2024-03-04");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Minsk"));
    assert_eq!(e.orgs, ["CIS"]);
}

#[test]
fn document_dates_and_periods_are_not_event_dates() {
    let e = event("Правительство утвердило стратегию на 2025–2028 годы согласно Указу от 3 мая 2024 года.");
    assert!(e.date.is_none());
}

#[test]
fn prospective_city_is_not_the_venue() {
    let e = event("В Алматы могут создать центр\nДелегация посетила Казахстан для обсуждения создания центра цифровых решений в Алматы.");
    let p = e.place.unwrap();
    assert_eq!((p.city, p.country.as_str()), (None, "KZ"));
    assert_eq!(e.kind, Kind::Visit);
}

#[test]
fn venue_after_a_long_body_name() {
    let e = event("Министры связи стран СНГ провели заседание Регионального содружества в области связи в Ташкенте.");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Tashkent"));
    assert_eq!(e.orgs, ["CIS", "RCC"]);
}

#[test]
fn kinds() {
    assert_eq!(
        event("Казахстан и Узбекистан подписали соглашение о сотрудничестве в сфере ИКТ.").kind,
        Kind::Agreement
    );
    assert_eq!(event("В Астане открылся форум Digital Almaty.").kind, Kind::Forum);
    assert_eq!(event("В Баку прошла конференция по развитию электросвязи.").kind, Kind::Conference);
    assert_eq!(event("Президент заявил, что цифровизация важна.").kind, Kind::Statement);
    assert_eq!(event("Погода будет тёплой.").kind, Kind::Other);
}

#[test]
fn topics_skip_body_names() {
    let e = event("Генсек Международного союза электросвязи обсудила кибербезопасность и искусственный интеллект.");
    assert_eq!(e.topics, ["ai", "cybersecurity"]);
    assert_eq!(e.orgs, ["ITU"]);
}

#[test]
fn furniture_facts_are_ignored() {
    let e = event("Встреча в Бишкеке\nВ Бишкеке прошла встреча министров.\n\nЧитайте также\nЯпония и Монголия подписали соглашение\n");
    assert_eq!(e.countries, Vec::<String>::new());
    assert_eq!(e.place.unwrap().country, "KG");
}

#[test]
fn secondary_gathering_is_its_own_event() {
    let events = extract(&Article::from_text(
        "t.txt",
        "ТАШКЕНТ, 20.05.2025. 19 мая в Ташкенте состоялся форум ШОС. 2 апреля в Самарканде прошла встреча министров. 18 мая прошла встреча глав делегаций.",
    ));
    assert_eq!(events.len(), 2, "the eve-of-forum meeting is part of the forum");
    assert!(events[0].primary && !events[1].primary);
    assert_eq!(events[1].date.unwrap().to_string(), "2025-04-02");
    assert_eq!(events[1].place.as_ref().unwrap().city.as_deref(), Some("Samarkand"));
}

#[test]
fn evidence_spans_point_at_the_text() {
    let a = Article::from_text("t.txt", "В Баку прошла встреча ШОС с делегацией Ирана.");
    let e = extract(&a).remove(0);
    for ev in &e.evidence {
        let s = &a.text[ev.start..ev.end];
        match ev.kind {
            FactKind::Country => assert_eq!((s, ev.value.as_str()), ("Ирана", "IR")),
            FactKind::Body => assert_eq!(s, "ШОС"),
            FactKind::Place => assert_eq!(s, "Баку"),
            _ => {}
        }
    }
    assert_eq!(e.evidence.len(), 3);
}

#[test]
fn attribution_city_is_not_the_venue() {
    let e = event("Как сообщили в Секретариате ШОС в Пекине, 16 июня в Ташкенте прошла встреча министров.");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Tashkent"));
}

#[test]
fn lead_sentence_stands_in_for_a_missing_title() {
    let e = event("1 февраля в г. Алматы состоялось совещание министров связи. Подробности позже.");
    assert_eq!(e.title.as_deref(), Some("1 февраля в г. Алматы состоялось совещание министров связи"));
}

#[test]
fn past_report_of_a_late_december_date_is_last_year() {
    let e =
        event("Итоги года\nБИШКЕК, 05.01.2025. 28 декабря в Бишкеке состоялось заседание Совета глав государств СНГ.");
    assert_eq!(e.date.unwrap().to_string(), "2024-12-28");
    let e = event("Анонс\nБИШКЕК, 05.07.2025. 15 октября в Бишкеке пройдет форум СНГ.");
    assert_eq!(e.date.unwrap().to_string(), "2025-10-15", "a future event keeps the year");
}

#[test]
fn future_gatherings_have_their_dates() {
    let e = event("Анонс\nАСТАНА, 02.09.2025. 15 октября в Астане состоится заседание Совета министров связи СНГ.");
    assert_eq!(e.date.unwrap().to_string(), "2025-10-15");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Astana"));
}

proptest::proptest! {
    #[test]
    fn words_between_are_counted_as_whitespace_pieces_with_a_letter(
        s in "([а-яА-Я]{1,4}|[a-z0-9]{1,3}|[ \t\n,.—«»\u{a0}\u{2009}\u{3000}-]|Ѣ|中){0,20}",
        limit in 0usize..6,
        cut in 0usize..8,
    ) {
        let by_chars = |text: &str, a: usize, b: usize, limit: usize| {
            b <= a || text[a..b].split_whitespace().filter(|w| w.chars().any(crate::lexicon::is_word_char)).nth(limit).is_none()
        };
        let a = s.char_indices().nth(cut).map_or(0, |(i, _)| i);
        proptest::prop_assert_eq!(words_between_at_most(&s, a, s.len(), limit), by_chars(&s, a, s.len(), limit));
        proptest::prop_assert_eq!(words_between_at_most(&s, 0, s.len(), limit), by_chars(&s, 0, s.len(), limit));
    }
}

#[test]
fn unprinted_evidence_is_what_dropping_the_printed_leaves() {
    // The samples, and an article naming one city twice (only its first span stays) and a
    // secondary gathering (whose date evidence goes).
    let mut articles = crate::load::load_embedded().articles;
    articles.push(Article::from_text(
        "t.txt",
        "Встреча в Ташкенте\n12 марта 2025 года в Ташкенте состоялась встреча министров связи \
         Узбекистана и Казахстана в рамках СНГ. Ранее, 3 февраля 2025 года, в Астане прошло \
         заседание РСС. Министр Шерзод Шерматов отметил, что Ташкент готов.",
    ));
    let (mut places, mut dropped) = (0, 0);
    for a in &articles {
        let mut full = extract(a);
        let before: usize = full.iter().map(|e| e.evidence.len()).sum();
        full.iter_mut().for_each(Event::drop_printed_evidence);
        let after: usize = full.iter().map(|e| e.evidence.len()).sum();
        (places, dropped) = (places + after, dropped + before - after);
        assert_eq!(extract_keeping(a, EvidenceKept::Unprinted), full, "{}", a.rel);
    }
    assert!(places > 0 && dropped > places, "{places} places kept, {dropped} pieces dropped");
}
