use super::*;
use crate::load::Article;

fn timeline(texts: &[(&str, &str)]) -> Timeline {
    let articles: Vec<Article> = texts.iter().map(|(n, t)| Article::from_text(*n, t)).collect();
    let c = crate::corpus::from_articles(articles);
    Timeline::new(c.articles, c.events)
}

fn titles(t: &Timeline, q: &str) -> Vec<String> {
    t.query(&Query::parse(q)).into_iter().map(|h| t.event(h.entry).title.clone().unwrap_or_default()).collect()
}

fn sample() -> Timeline {
    timeline(&[
        ("b.txt", "Совещание ШОС в Ташкенте\nТАШКЕНТ, 20.05.2025. 19 мая в Ташкенте состоялось совещание ШОС."),
        ("a.txt", "Форум СНГ в Минске\nМИНСК, 10.03.2024. 9 марта в Минске прошел форум СНГ с участием Казахстана."),
        ("c.txt", "Заявление без даты\nМинистр Казахстана заявил о планах."),
    ])
}

#[test]
fn sorted_by_date_undated_last() {
    let t = sample();
    assert_eq!(titles(&t, ""), ["Форум СНГ в Минске", "Совещание ШОС в Ташкенте", "Заявление без даты"]);
    let newest = Query { sort: SortOrder::NewestFirst, ..Query::default() };
    let titles: Vec<String> =
        t.query(&newest).iter().map(|h| t.event(h.entry).title.clone().unwrap_or_default()).collect();
    assert_eq!(titles, ["Совещание ШОС в Ташкенте", "Форум СНГ в Минске", "Заявление без даты"], "undated still last");
}

#[test]
fn facets_and_counts() {
    let t = sample();
    let c = t.countries();
    assert_eq!((c[0].facet.code(), c[0].count), ("KZ", 2));
    assert_eq!(titles(&t, "@kz #снг"), ["Форум СНГ в Минске"]);
    assert_eq!(titles(&t, "#шос"), ["Совещание ШОС в Ташкенте"]);
    let q = Query { bodies: Some(["SCO".parse().unwrap(), "CIS".parse().unwrap()].into()), ..Query::default() };
    assert_eq!(t.query(&q).len(), 2, "OR within a facet");
}

#[test]
fn fuzzy_text_is_case_and_yo_insensitive() {
    let t = sample();
    assert_eq!(titles(&t, "шос"), ["Совещание ШОС в Ташкенте"]);
    assert_eq!(titles(&t, "ФОРУМ"), ["Форум СНГ в Минске"]);
    assert_eq!(titles(&t, "2024"), ["Форум СНГ в Минске"]);
    let q = Query::parse("шос");
    let hit = &t.query(&q)[0];
    let title: Vec<char> = t.event(hit.entry).title.clone().unwrap().chars().collect();
    let lit: String = t.title_highlights(hit.entry, &q).iter().map(|&i| title[i]).collect();
    assert_eq!(lit, "ШОС");
}

#[test]
fn inflected_and_scattered_queries() {
    let t = sample();
    assert_eq!(titles(&t, "ташкент"), ["Совещание ШОС в Ташкенте"], "stem finds the locative");
    assert_eq!(titles(&t, "совещания"), ["Совещание ШОС в Ташкенте"]);
    assert!(titles(&t, "шсз").is_empty(), "letters scattered across words do not match");
    assert_eq!(titles(&t, "форум минск"), ["Форум СНГ в Минске"], "every token must match");
}

#[test]
fn refine_equals_query_when_narrowing() {
    let t = sample();
    let wide = Query::parse("с");
    let hits = t.query(&wide);
    for narrow in ["со", "сов", "совещ", "с 2025", "с @kz"] {
        let q = Query::parse(narrow);
        assert_eq!(t.refine(&wide, &hits, &q), t.query(&q), "{narrow}");
    }
}

#[test]
fn yo_and_ye_are_one_letter_in_queries_and_titles() {
    let t = timeline(&[
        ("a.txt", "Делегация Объединённых Арабских Эмиратов в Ташкенте\nТАШКЕНТ, 20.05.2025. 19 мая в Ташкенте прошла встреча."),
        ("b.txt", "Форум СНГ в Минске\nМИНСК, 10.03.2024. 9 марта в Минске прошел форум СНГ."),
    ]);
    let want = ["Делегация Объединённых Арабских Эмиратов в Ташкенте"];
    assert_eq!(titles(&t, "объединенных"), want);
    assert_eq!(titles(&t, "ОБЪЕДИНЁННЫХ"), want);
}

#[test]
fn haystacks_are_the_folded_facts_of_their_entries_in_timeline_order() {
    let c = crate::corpus::build(&crate::corpus::Source::Embedded, &crate::corpus::BuildOptions::default());
    let t = Timeline::new(c.articles, c.events);
    assert!(t.len() >= 5);
    for i in 0..t.len() {
        let (title, parts) = haystack_parts(t.event(i));
        let expected =
            fold(&format!("{title}{}", parts.iter().map(|p| format!(" · {p}")).collect::<Vec<_>>().concat()));
        assert_eq!(t.haystacks().haystack(i), expected, "entry {i}");
        assert_eq!(t.haystacks().masks[i], char_mask(&expected), "entry {i}");
        assert!(expected.contains(&fold(title)));
    }
}

#[test]
fn haystacks_wait_for_the_first_text_query() {
    let c = crate::corpus::build(&crate::corpus::Source::Embedded, &crate::corpus::BuildOptions::default());
    let t = Timeline::new(c.articles, c.events);
    let all = t.query(&Query::parse("@KZ #SCO"));
    assert!(t.haystacks.get().is_none(), "facets and dates need no haystack");
    assert!(t.countries().iter().any(|f| f.facet == "CN"));
    assert!(t.haystacks.get().is_none());
    let found = t.query(&Query::parse("карамай"));
    assert!(t.haystacks.get().is_some());
    assert_eq!(found.len(), 1);
    assert!(all.len() <= t.len());
}

#[test]
fn events_find_their_articles_in_any_order() {
    let c = crate::corpus::build(&crate::corpus::Source::Embedded, &crate::corpus::BuildOptions::default());
    let expected: Vec<usize> =
        c.events.iter().map(|e| c.articles.iter().position(|a| a.rel == e.file).unwrap()).collect();
    assert_eq!(article_of_each(&c.articles, &c.events), expected, "in load order");
    let mut shuffled = c.events.clone();
    shuffled.reverse();
    let expected: Vec<usize> = expected.into_iter().rev().collect();
    assert_eq!(article_of_each(&c.articles, &shuffled), expected, "in any order");
    let mut stray = c.events[0].clone();
    stray.file = "elsewhere.txt".into();
    assert_eq!(article_of_each(&c.articles, &[stray]), [usize::MAX]);
}

#[test]
fn mentioned_countries_count_and_filter_only_when_asked() {
    let t = timeline(&[
        (
            "m.txt",
            "Совещание ШОС в Ташкенте\n19 мая в Ташкенте состоялось совещание ШОС. В ШОС входят Индия, Иран и Пакистан.",
        ),
        ("p.txt", "Визит в Индию\n3 марта министр Узбекистана посетил Индию с визитом."),
    ]);
    let count = |mentions: bool, code: &str| {
        t.countries_with(mentions).into_iter().find(|f| f.facet == code).map(|f| (f.count, f.mentioned))
    };
    assert_eq!(count(false, "IN"), Some((1, 0)), "the visit only");
    assert_eq!(count(true, "IN"), Some((2, 1)), "and the membership list");
    assert_eq!(count(false, "IR"), None);
    assert_eq!(count(true, "IR"), Some((1, 1)));
    let mut q = Query::parse("@ir");
    assert!(t.query(&q).is_empty());
    q.mentions = true;
    assert_eq!(t.query(&q).len(), 1);
}

#[test]
fn kinds_topics_month_names_and_exclusions() {
    let t = timeline(&[
        ("b.txt", "Совещание ШОС в Ташкенте\nТАШКЕНТ, 20.05.2025. 19 мая в Ташкенте состоялось совещание ШОС."),
        ("a.txt", "Форум СНГ в Минске\nМИНСК, 10.03.2024. 9 марта в Минске прошел форум СНГ с участием Казахстана."),
        (
            "d.txt",
            "Конференция по кибербезопасности в Баку\nБАКУ, 05.06.2025. 4 июня в Баку прошла конференция по \
             кибербезопасности.",
        ),
    ]);
    assert_eq!(titles(&t, "kind:forum"), ["Форум СНГ в Минске"]);
    assert_eq!(titles(&t, "kind:conf"), ["Конференция по кибербезопасности в Баку"], "the start of a kind");
    assert_eq!(titles(&t, "topic:cyber"), ["Конференция по кибербезопасности в Баку"]);
    assert_eq!(titles(&t, "май 2025"), ["Совещание ШОС в Ташкенте"]);
    assert_eq!(titles(&t, "июнь"), ["Конференция по кибербезопасности в Баку"], "June of any year");
    assert_eq!(titles(&t, "march 2024"), ["Форум СНГ в Минске"]);
    assert_eq!(titles(&t, "-#шос -kind:conference"), ["Форум СНГ в Минске"]);
    assert_eq!(titles(&t, "-минск"), ["Совещание ШОС в Ташкенте", "Конференция по кибербезопасности в Баку"]);
    assert_eq!(titles(&t, "2025 -баку"), ["Совещание ШОС в Ташкенте"]);
}

#[test]
fn a_name_written_in_cyrillic_is_found_in_latin() {
    let t = timeline(&[(
        "s.txt",
        "Встреча министров в Ташкенте\nТАШКЕНТ, 20.05.2025. 19 мая министр цифровых технологий Узбекистана \
         Шерзод Шерматов провел встречу с министром связи Казахстана.",
    )]);
    let people: Vec<&str> = t.events().flat_map(|e| e.people.iter().map(|p| p.name.as_str())).collect();
    assert_eq!(people, ["Шерзод Шерматов"], "the person the finder gives");
    assert_eq!(titles(&t, "shermatov"), ["Встреча министров в Ташкенте"]);
    assert_eq!(titles(&t, "Sherzod"), ["Встреча министров в Ташкенте"]);
    assert!(titles(&t, "smirnov").is_empty());
}
