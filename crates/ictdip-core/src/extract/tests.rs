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
    assert_eq!((p.city.as_deref(), p.country.code()), (Some("Karamay"), "CN"));
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
fn a_city_that_could_host_is_not_the_venue() {
    let e = event(
        "Заседание межправительственной комиссии может пройти в Казани, сообщила пресс-служба. \
         Глава республики во вторник принимает участие в работе экономического форума в Кучинге.",
    );
    assert_eq!(e.place.and_then(|p| p.city).as_deref(), Some("Kuching"));
    let e = event("The next session could be held in Kazan. The forum opened in Tartu on 5 May 2033.");
    assert_eq!(e.place.and_then(|p| p.city).as_deref(), Some("Tartu"));
}

#[test]
fn prospective_city_is_not_the_venue() {
    let e = event("В Алматы могут создать центр\nДелегация посетила Казахстан для обсуждения создания центра цифровых решений в Алматы.");
    let p = e.place.unwrap();
    assert_eq!((p.city, p.country.code()), (None, "KZ"));
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
fn the_frame_of_a_gathering_is_not_its_kind() {
    let e = event("Итоги дня\nВ рамках Международного форума «Цифровой мост» министры связи провели встречу.");
    assert_eq!(e.kind, Kind::Meeting);
    let e = event(
        "Digital ministers meet\nOn the first day of the Open Skies 2031 forum, the ministers of communications gathered for a meeting.",
    );
    assert_eq!(e.kind, Kind::Meeting);
    // A gathering another one prepares, or drafts a document for, is what that one works for.
    let e = event(
        "10 октября заседание Организационного комитета по подготовке и проведению Международного цифрового форума провёл глава региона. \
         Форум пройдёт 2 ноября.",
    );
    assert_eq!(e.kind, Kind::Meeting);
    let e = event(
        "First Meeting of the Drafting Group on the Declaration of the Ministerial Conference on Digital Inclusion\n\n\
         The drafting group will hold its first meeting in Astana on 7 March 2033.",
    );
    assert_eq!(e.kind, Kind::Meeting);
    // A reception told as "принимал у себя" is a meeting, whatever the host said there.
    let e = event(
        "Заместителя секретаря комиссии принимал у себя государственный секретарь МИД Монголии. \
         Монголия, заявил госсекретарь, готова делиться опытом.",
    );
    assert_eq!(e.kind, Kind::Meeting);
}

#[test]
fn the_gathering_attended_outweighs_talks_on_its_side() {
    let e = event(
        "Minister in Lima\nThe Minister of Communications of Kazakhstan is taking part in the Regional Radio Conference in Lima this week. \
         On the margins of the conference, the minister met his Peruvian counterpart. Their talks touched on satellites. \
         He also held a meeting with a delegation of Chile.",
    );
    assert_eq!(e.kind, Kind::Conference);
    let e = event("Министр выступил на Международном форуме стартапов. Затем прошла встреча с инвесторами.");
    assert_eq!(e.kind, Kind::Forum);
}

#[test]
fn a_briefing_is_words_said() {
    let e = event(
        "Посол назвал связь приоритетом\n\nПосол Эквадора 3 марта провел в посольстве встречу, на которую пригласил журналистов ведущих изданий.",
    );
    assert_eq!(e.kind, Kind::Statement);
    let e = event(
        "Работа над центрами кибербезопасности\nРабота над центрами перешла от планов к делу. Об этом 20 марта генсек рассказал журналистам, \
         добавив, что документ о центрах подписан.",
    );
    assert_eq!(e.kind, Kind::Statement);
    // Told at a press conference, the forum a headline announces is still the story.
    let e = event(
        "Tashkent to host a forum on data centres\nJournalists were told at a press conference in Tashkent that the forum opens next week.",
    );
    assert_eq!(e.kind, Kind::Forum);
}

#[test]
fn a_body_name_names_no_gathering() {
    // "Договора" in the CSTO's name is no agreement.
    let e = event("Генсек ОДКБ назвал связь приоритетом\nГенсек Организации Договора о коллективной безопасности назвал связь приоритетом.");
    assert_eq!(e.kind, Kind::Statement);
}

#[test]
fn a_round_table_and_a_video_conference_are_meetings() {
    assert_eq!(event("В посольстве Монголии состоялся круглый стол о цифровизации.").kind, Kind::Meeting);
    let e = event("Experts of the member states reviewed the draft in a video conference format on Tuesday.");
    assert_eq!(e.kind, Kind::Meeting);
}

#[test]
fn words_said_at_a_gathering_are_the_gathering() {
    let e = event(
        "Министр Петров: председательство в организации очень важно\n\nЭтому году страна придает особое значение в работе организации. \
         С этим заявлением министр выступил на заседании Совета министров в Вене.",
    );
    assert_eq!(e.kind, Kind::Meeting);
    // A headline that reports a gathering about a message.
    let e = event(
        "Послание президента обсудили в Бишкеке\n\nВ Бишкеке прошла встреча, эксперты из пяти стран говорили о послании президента.",
    );
    assert_eq!(e.kind, Kind::Meeting);
}

#[test]
fn a_named_gathering_outweighs_its_side_meetings() {
    let e = event(
        "Scientists gather in Tashkent\nOne event was hosted at the university: the Central Asian Conference on Optical Networks. \
         Organisers say the meeting lets local researchers meet foreign colleagues.",
    );
    assert_eq!(e.kind, Kind::Conference);
}

#[test]
fn background_is_not_the_event_date() {
    let e = event(
        "Форум завершился\nВ Алматы завершился форум «Open Web 2031». Напомним, 12 марта в Женеве прошла встреча министров.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2031");
    assert_eq!(e.date_source, Some(DateSource::Stated));
}

#[test]
fn a_dated_speech_lead_is_the_story() {
    let e = event(
        "Ruritania bids for a council seat\n\n31 May 2033\n\nRuritania has entered the race for a seat on the council, the ministry of communications said on Thursday. \
         The vote will take place at the conference, which will be held on October 20, 2034 in Busan.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2033-05-26");
    assert_eq!(e.kind, Kind::Statement);
    assert!(e.place.is_none(), "Busan is the venue of the vote to come");
}

#[test]
fn a_year_the_speaker_goes_back_to_is_not_the_statements_date() {
    let e = event(
        "Посол объяснил, почему затянулась отмена платы за связь\n\nДве страны готовят новый план по тарифам связи, сообщил посол Иван Петров.\n\n\
         Сложность в том, что операторы частные.\n\nПлан по отмене подписали в 2029 году.",
    );
    assert_eq!(e.date, None);
    assert_eq!(e.kind, Kind::Statement);
    let e = event(
        "Ambassador explains the delay\n\nTwo states are drafting a new tariff plan, the ambassador Ivan Petrov said. Operators are private. \
         The first plan was signed in 2029.",
    );
    assert_eq!(e.date, None);
    assert_eq!(e.kind, Kind::Statement);
    // A gathering in the lead keeps its month.
    let e = event("Министры провели встречу, сообщил посол Иван Петров. Встреча прошла в марте 2029 года.");
    assert_eq!(e.date.unwrap().to_string(), "2029-03");
}

#[test]
fn a_photos_caption_is_no_lead() {
    let e = event(
        "Digital boom\n\n08:20, August 29, 2031\n\nA banner of the summit hangs over a road in Tianjin in this photo from Aug 5, 2031. [Photo/Xinhua]\n\n\
         The ministry intends to train digital talent with its neighbours, the deputy minister said on Thursday.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2031-08-28");
    assert_eq!(e.kind, Kind::Statement);
    // A headline's "(photos)" marks the page's pictures, not the lead's date under it.
    let e = event(
        "24 june 2022\n\nXIII meeting of Council of CSTO Center Held (photos)\n\nOn June 23-24, 2022, Yerevan hosted the XIII meeting of the Council of the CSTO Center.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2022-06-23");
}

#[test]
fn a_visiting_delegation_meets_at_the_hosts() {
    let e = event(
        "Talks on cyber security\nOn May 3, President Ilham Aliyev received a high-level Chinese delegation headed by a vice-premier. \
         The sides discussed cooperation between Azerbaijan and China in cyber security.",
    );
    assert_eq!(place_of(&e), (None, Some("AZ")));
    let e = event(
        "Сотрудничество в связи\n\nВ страну прибыла делегация Республики Корея, которую 5 мая принял министр. \
         Министр Монголии рассказал гостям о развитии связи.",
    );
    assert_eq!(place_of(&e), (None, Some("MN")));
}

#[test]
fn a_body_a_state_belongs_to_or_a_document_names_is_a_mention() {
    let e = event(
        "Министры обсудили связь\nВ Ереване прошла встреча министров связи Армении и Ирана. \
         Министр напомнил, что Армения — активный член ЕАЭС. \
         Стороны упомянули Соглашение о всеобъемлющем и расширенном партнерстве между Арменией и ЕС.",
    );
    assert!(e.orgs.is_empty(), "{:?}", e.orgs);
    assert_eq!(e.mentioned.orgs, ["EAEU", "EU"]);
    // A document acted on is the story's subject, and so is its body.
    for text in [
        "Госдума ратифицировала соглашение стран СНГ о сотрудничестве в борьбе с киберпреступностью\n\nДокумент вступит в силу позже.",
        "The agreement of the CIS states on cybercrime was ratified by the Duma\n\nIt will enter into force later.",
    ] {
        assert_eq!(event(text).orgs, ["CIS"], "{text}");
    }
}

#[test]
fn a_body_as_the_arena_states_act_in_is_a_mention() {
    let e = event(
        "Консультации по безопасности\nВ Тегеране прошли консультации экспертов Ирана и Армении по безопасности ИКТ. \
         Стороны договорились согласовывать позиции в ООН и на других международных площадках. \
         Ключевая роль здесь отводится ООН.",
    );
    assert!(e.orgs.is_empty(), "{:?}", e.orgs);
    assert_eq!(e.mentioned.orgs, ["UN"]);
}

#[test]
fn states_in_rankings_and_award_lists_are_mentions() {
    let e = event(
        "Форум в Ташкенте\nВ Ташкенте прошел форум Узбекистана и Казахстана о цифровой экономике. \
         В рейтинге цифровой конкурентоспособности Узбекистан опередил Италию и Испанию. \
         В номинации «Открытые данные» первой стала Эстония, второй — Финляндия, третьей — Дания.",
    );
    assert_eq!(e.countries, ["KZ", "UZ"]);
    for text in [
        "Award in Dubai\n\nKazakhstan's e-government application received an award in Dubai. Kazakhstan's development outpaced such countries as Russia and the USA.",
        "Награда в Дубае\n\nПриложение электронного правительства Казахстана получило награду в Дубае. По этому показателю Казахстан обогнал такие страны, как Россия и США.",
    ] {
        let e = event(text);
        assert_eq!(e.countries, ["KZ"], "{text}");
        assert_eq!(e.mentioned.countries, ["RU", "US"], "{text}");
    }
}

#[test]
fn the_host_of_another_dated_gathering_is_a_mention() {
    let e = event(
        "Ruritania bids for a seat\nOn 30 May 2033 the ministers of Ruritania and Georgia met in Tbilisi. \
         The vote will take place at the conference, which will be held on October 20, 2034 in Busan, Republic of Korea.",
    );
    assert_eq!(e.countries, ["GE"]);
    assert_eq!(e.mentioned.countries, ["KR"]);
}

#[test]
fn an_entity_of_a_state_is_that_state() {
    let e = event("Связь и цифровизация\nВ Баня-Луке прошла встреча министров связи Республики Сербской и Словении.");
    assert_eq!(e.countries, ["BA", "SI"]);
}

#[test]
fn states_the_participants_come_from_take_part() {
    let e = event(
        "Заседание министров\nВ Бишкеке прошло заседание министров связи. \
         Участие в нем приняли представители министерств из Казахстана, Азербайджана, Турции и Узбекистана; \
         из Монголии эксперты присутствовали наблюдателями.",
    );
    assert_eq!(e.countries, ["AZ", "KZ", "TR", "UZ"]);
    assert_eq!(e.mentioned.countries, ["MN"]);
}

#[test]
fn names_in_background_are_mentions() {
    let e = event(
        "Форум в Алматы\nВ Алматы прошел форум об интернете. Напомним, в сентябре в Нью-Йорке в ООН прошел саммит.",
    );
    assert!(e.orgs.is_empty(), "{:?}", e.orgs);
}

#[test]
fn a_gathering_held_online_has_no_venue_but_its_own() {
    let e = event(
        "Experts review a draft\nOn Wednesday experts of the member states reviewed the draft in a video conference format. \
         The Foreign Ministry in Tashkent said the next round of talks will be held in Minsk.",
    );
    assert!(e.place.is_none(), "{:?}", e.place);
    // One guest's video link leaves the summit its venue.
    let e = event(
        "Саммит ШОС\nПрезидент Монголии по видеосвязи обратился к участникам саммита. \
         Председательствовал на встрече ШОС в Душанбе Президент Таджикистана.",
    );
    assert_eq!(place_of(&e), (Some("Dushanbe"), Some("TJ")));
}

#[test]
fn a_venue_after_meetings_taken_part_in() {
    let e = event(
        "Министр на встречах в Вене\nТБИЛИСИ, 16 февраля. Министр связи Грузии участвует во встречах в рамках совещания министров ОБСЕ в Вене.",
    );
    assert_eq!(place_of(&e), (Some("Vienna"), Some("AT")));
}

#[test]
fn a_capital_standing_for_its_state_is_no_venue() {
    let e = event(
        "Москва и Гавана договорились о сотрудничестве\nМинистр связи России, который находится в Гаване с рабочим визитом, провел переговоры.",
    );
    assert_eq!(place_of(&e), (Some("Havana"), Some("CU")));
    let e = event("Talks on IT\nThe minister hosted the ambassador, Moscow's envoy to Armenia, for talks on Friday.");
    assert_ne!(place_of(&e).0, Some("Moscow"));
    // Two venues after a preposition are venues.
    let e = event("Форумы в Узбекистане\nВ Ташкенте и Самарканде прошли форумы по цифровой экономике.");
    assert_eq!(place_of(&e), (Some("Tashkent"), Some("UZ")));
}

#[test]
fn what_a_speaker_recalls_is_background() {
    let e = event(
        "Форум стартапов\nМинистр связи Туркменистана выступил на Международном форуме стартапов. \
         Кроме того, он напомнил о недавнем участии президента в саммите с США в Вашингтоне.",
    );
    assert_eq!(e.countries, ["TM"]);
    assert_ne!(place_of(&e).0, Some("Washington"));
}

#[test]
fn a_signing_to_come_is_no_agreement() {
    let e = event(
        "Армения и Индия намерены подписать меморандум\nВ Ереване прошли переговоры министров связи Армении и Индии. \
         Документ планируется подписать осенью.",
    );
    assert_eq!(e.kind, Kind::Meeting);
}

#[test]
fn a_plenary_session_takes_the_kind_of_its_gathering() {
    let e = event(
        "Министр на выставке\nВыступая на пленарной сессии выставки «Иннопром», министр связи Узбекистана назвал главные направления работы.",
    );
    assert_eq!(e.kind, Kind::Forum);
    assert_eq!(event("55-я сессия Генеральной ассамблеи пройдет в Ашхабаде осенью.").kind, Kind::Meeting);
    assert_eq!(event("Президент прибыл на открытие ЭКСПО в Харбине.").kind, Kind::Forum);
}

#[test]
fn a_gathering_to_come_further_on_is_not_the_story() {
    let e = event(
        "Experts agree on a draft\n\nThe experts of the member states met in Minsk and agreed on the draft's key provisions. \
         Discussions will be held again on August 21 in Astana.",
    );
    assert!(e.date.is_none(), "{:?}", e.date);
    // An announcement dates its gathering.
    let e = event("Форум пройдет в Ташкенте\n\nФорум по кибербезопасности пройдет в Ташкенте 6 сентября.");
    assert_eq!(e.date.unwrap().to_string(), "--09-06");
    // Documents that "are to be signed" at a summit the next day: the summit is to come.
    let e = event(
        "Ministers discuss regional security\nMOSCOW. Nov 27 (Interfax) - The foreign ministers of the member states \
         have discussed the regional situation, the press service said.\n\"The participants considered the draft \
         documents, which are to be signed at the summit on November 28,\" the press service said.",
    );
    assert_eq!(e.date.unwrap().to_string(), "--11-27");
}

#[test]
fn states_of_agreements_hoped_for_are_mentions() {
    let e = event(
        "Министерство готовит соглашения\nМинистерство связи Азербайджана подготовило проекты соглашений. \
         «Рассчитываем, что вскоре будут подписаны соглашения с Кубой, Румынией, Малайзией и Иорданией», — сообщили в ведомстве.",
    );
    assert_eq!(e.countries, ["AZ"]);
    // A meeting held that speaks of the future keeps its parties.
    let e = event(
        "Министры встретились\nГлавы ведомств Бразилии, России, Индии и Китая обсудили, как будут работать вместе.",
    );
    assert_eq!(e.countries, ["BR", "CN", "IN", "RU"]);
}

#[test]
fn an_event_pages_venue_line() {
    let e = event(
        "Eleventh session of the Working Group on Connectivity\n\nRegional Office, 3rd floor, Almaty, Kazakhstan\n\n\
         The programme was set up under the Tashkent Declaration, signed on 26 March 1998. \
         Its previous meeting took place in Bishkek on 23 July 2030.",
    );
    assert_eq!(place_of(&e), (Some("Almaty"), Some("KZ")));
}

#[test]
fn a_venue_before_a_meeting_participle() {
    let e = event(
        "Центры безопасности\n20 марта 2031\nГенсек организации сообщил об этом сегодня в Бишкеке, встретившись с журналистами.",
    );
    assert_eq!(place_of(&e), (Some("Bishkek"), Some("KG")));
}

#[test]
fn a_lead_that_dates_its_scene_dates_the_gathering() {
    let e = event(
        "Digital week\n date 2031-10-07\n2–4 октября в Ташкенте стояла теплая погода, павильоны заполнили тысячи гостей. \
         Форум Digital Week прошел под девизом открытых данных.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2031-10-02");
}

#[test]
fn a_gathering_called_off_is_an_announcement() {
    let e = event("Форум Open Data в Бишкеке не состоится\nОрганизаторы отказались от проведения форума Open Data, намеченного на сентябрь.");
    assert_eq!(e.kind, Kind::Statement);
    // "в Лондоне состоится": no negation in a word's ending.
    let e = event("Форум в Лондоне\n25 июня в Лондоне состоится первый форум по высоким технологиям.");
    assert_eq!(e.kind, Kind::Forum);
}

#[test]
fn a_gathering_named_by_its_abbreviation() {
    let e = event(
        "Regulator takes part in WTDC-29\nThe regulator sent two officials. During their stay, they held talks with the regulators of Peru and Chile.",
    );
    assert_eq!(e.kind, Kind::Conference);
}

#[test]
fn a_founding_and_a_long_past_are_background() {
    let e = event(
        "Ministers meet in Minsk\nThe foreign ministers of the Collective Security Treaty Organization met in Minsk on Tuesday. \
         Six Commonwealth of Independent States nations set it up in 2002.",
    );
    assert_eq!(e.orgs, ["CSTO"]);
    let e = event(
        "Forum ends\nThe national internet forum has wrapped up in Almaty on Friday. \
         The Advisory Body on AI set up by the United Nations put forward a plan.",
    );
    assert!(e.orgs.is_empty(), "{:?}", e.orgs);
    let e = event(
        "Визит в министерство\nМинистр принял делегацию Эстонии. Специалисты общаются давно — еще с 2001 года, когда в рамках ОБСЕ изучался опыт.",
    );
    assert!(e.orgs.is_empty(), "{:?}", e.orgs);
}

#[test]
fn a_reception_at_an_institution_is_held_in_its_country() {
    let e = event(
        "Обмен вырос\nКогда в Доме инноваций и технологий Ирана принимали спикера парламента Таджикистана, вице-президент выступил с речью.",
    );
    assert_eq!(place_of(&e), (None, Some("IR")));
}

#[test]
fn a_delegation_named_after_the_lead_is_a_guest_too() {
    let e = event(
        "Узбекско-корейский центр открылся\n\n30 января в агентстве торжественно открылся совместный узбекско-корейский центр. \
         В церемонии приняли участие директор агентства и делегация Республики Корея.",
    );
    assert_eq!(place_of(&e), (None, Some("UZ")));
}

#[test]
fn one_state_named_as_a_member_is_a_mention() {
    let e = event(
        "Министры БРИКС соберутся в Казани\nВ Казани пройдет встреча министров связи стран БРИКС. \
         В прошлом году объединение пригласило 6 новых членов, среди них Аргентину.",
    );
    assert!(!e.countries.iter().any(|c| c == "AR"), "{:?}", e.countries);
}

#[test]
fn a_routes_ends_are_mentions() {
    let e = event(
        "Президенты обсудили логистику\nВ Ташкенте прошли переговоры президентов Узбекистана и Казахстана. \
         Отдельно обсуждались железнодорожные маршруты через Афганистан и дорога «Узбекистан - Кыргызстан - Китай». \
         Темой стал транзит трафика между Россией и Евросоюзом.",
    );
    assert_eq!(e.countries, ["KZ", "UZ"]);
    assert!(e.orgs.is_empty(), "{:?}", e.orgs);
}

#[test]
fn an_abbreviation_in_brackets_is_named_as_its_full_name() {
    let e = event(
        "Data centres for Kyrgyzstan\nKyrgyzstan and China signed a deal on data centres in Bishkek on Monday. \
         In line with the pledge in the Statement of the Council of the Shanghai Cooperation Organization (SCO), the document covers data processing.",
    );
    assert!(e.orgs.is_empty(), "{:?}", e.orgs);
    assert_eq!(e.mentioned.orgs, ["SCO"]);
}

#[test]
fn a_bodys_agency_describing_another_is_a_mention() {
    let e = event(
        "Study visit\nOn 11 June the OSCE held a conference in Vienna. The group then visited CEPOL, the European Union Agency for Law Enforcement Training.",
    );
    assert_eq!(e.orgs, ["OSCE"]);
}

#[test]
fn a_handover_is_dated_as_a_gathering() {
    let e = event(
        "Equipment for the ministry\n\nMay 13, 2031\n\nOn March 28, two sets of equipment were handed over to the Ministry of Justice of Tajikistan.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2031-03-28");
}

#[test]
fn english_names_of_hand_kept_and_short_cities() {
    let e = event("Forum in Osh\nLast Friday a university in Osh held an international forum on robotics.");
    assert_eq!(place_of(&e), (Some("Osh"), Some("KG")));
    let e = event("Talks in Tianjin\nThe ministers met in Tianjin on Monday.");
    assert_eq!(place_of(&e), (Some("Tianjin"), Some("CN")));
}

#[test]
fn a_date_next_to_the_telling_dates_the_telling() {
    let e = event(
        "Саммит пройдет в ноябре\n\n1 ноября 2031\n\nКак сообщили в понедельник организаторы, с 9 по 11 ноября в Ханчжоу состоится саммит по интернету.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2031-11-09");
}

#[test]
fn a_day_inside_a_long_gatherings_span_is_the_news() {
    let e = event(
        "Ruritania wins a council seat\nBAKU, October 3. The Plenipotentiary Conference is under way in Romania's Bucharest from September 6 to October 14, the ministry said. \
         On October 3, within the conference, delegates voted for the members of the Council.",
    );
    assert_eq!(e.date.unwrap().to_string(), "--10-03");
    assert_eq!(place_of(&e), (Some("Bucharest"), Some("RO")));
}

#[test]
fn a_stamp_without_a_year_takes_the_gatherings() {
    let e =
        event("Шадаев рассказал о форуме\n13 марта 13:07\nФорум Kazan Digital Week 2031 в этом году пройдет осенью.");
    assert_eq!(e.published.unwrap().to_string(), "2031-03-13");
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
    assert_eq!(e.countries, ["KG"], "the host; Japan and Mongolia stand in a related headline");
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
    assert_eq!(events[1].title.as_deref(), Some("2 апреля в Самарканде прошла встреча министров"), "its own sentence");
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

fn place_of(e: &Event) -> (Option<&str>, Option<&str>) {
    e.place.as_ref().map_or((None, None), |p| (p.city.as_deref(), Some(p.country.code())))
}

// Class 1: stamps in the forms pages print, above or below the headline.
#[test]
fn stamps_give_the_publication_date_and_the_year() {
    for (stamp, published) in [
        ("24.09.08 11:30", "2008-09-24"),
        ("16/08/2023", "2023-08-16"),
        ("15.11.2022 20:53:00", "2022-11-15"),
        ("November 10, 2016", "2016-11-10"),
        ("10 Nov 2016", "2016-11-10"),
    ] {
        let e = event(&format!(
            "Министры связи обсудили цифровую повестку\n{stamp}\n\nВчера в Бишкеке прошла встреча министров связи Кыргызстана и Казахстана по вопросам цифровизации."
        ));
        assert_eq!(e.published.map(|d| d.to_string()).as_deref(), Some(published), "{stamp}");
        assert_eq!(e.date_source, Some(crate::model::DateSource::Relative), "{stamp}");
    }
    let e = event("Министры обсудили ИКТ\n02.03.2020 10:15\n2 марта 2020 г., Москва, Российская Федерация\n\nВ Москве состоялись переговоры министров связи России и Армении о сотрудничестве.");
    assert_eq!(e.published.unwrap().to_string(), "2020-03-02");
    assert_eq!(e.title.as_deref(), Some("Министры обсудили ИКТ"));
}

// Class 2 and 3: widgets and banners above the headline are nobody's dates or places.
#[test]
fn clock_currency_widgets_and_banners_are_not_the_article() {
    let text = "9 июля 2025, среда, 01:38, Душанбе\nКурсы валют от 01/11/2024\nЦИПР-2025: 3–5 июня, Нижний Новгород\n\
                Узбекистан и Корея подписали меморандум по электронному правительству\n17.06.2025 15:32\n\n\
                В Ташкенте подписан меморандум о сотрудничестве в области электронного правительства между Узбекистаном и Кореей.";
    let e = event(text);
    assert_eq!(e.published.unwrap().to_string(), "2025-06-17");
    assert_eq!(e.date.unwrap().to_string(), "2025-06-17");
    assert_eq!(place_of(&e), (Some("Tashkent"), Some("UZ")));
    assert_eq!(e.title.as_deref(), Some("Узбекистан и Корея подписали меморандум по электронному правительству"));
    assert!(!e.countries.iter().any(|c| c == "TJ" || c == "RU"), "{:?}", e.countries);
    let e = event("Saturday, 13 July 2024\nKazakhstan and Turkiye sign a digital memorandum\n\nASTANA – The ministers signed the memorandum in Astana on Thursday, the ministry said.");
    assert_ne!(e.published.map(|d| d.to_string()).as_deref(), Some("2024-07-13"), "a clock is no stamp");
}

// Class 4: the venue the lead states wins over the dateline; periphrases, institutions, English.
#[test]
fn venue_from_the_lead_periphrases_and_institutions() {
    let e = event("Соглашение о цифровом партнерстве\nМОСКВА, 5 мая. /ТАСС/. Министры связи Казахстана и США подписали соглашение, которое было подписано в Вашингтоне.");
    assert_eq!(place_of(&e), (Some("Washington"), Some("US")));
    let e = event("В туркменской столице прошло заседание рабочей группы по связи с участием делегации Ирана.");
    assert_eq!(place_of(&e), (Some("Ashgabat"), Some("TM")));
    let e =
        event("Переговоры о киберзащите\nВ столице Белоруссии состоялись консультации экспертов России и Белоруссии.");
    assert_eq!(place_of(&e), (Some("Minsk"), Some("BY")));
    let e = event("В Доме инноваций и технологий Ирана состоялась встреча с делегацией Таджикистана.");
    assert_eq!(place_of(&e), (None, Some("IR")));
    let e = event("В МИД Казахстана состоялась встреча заместителя министра с делегацией ЭСКАТО ООН.");
    assert_eq!((place_of(&e), e.place_source), ((None, Some("KZ")), Some(crate::model::PlaceSource::Implied)));
    let e = event("TASHKENT, Uzbekistan (UzDaily.uz) -- The digital ministers of Uzbekistan and Korea held talks in Seoul on cooperation in e-government.");
    assert_eq!(place_of(&e), (Some("Seoul"), Some("KR")));
    let e = event(
        "Minsk, 21 November (BelTA) – The Belarusian minister of communications made a statement on the new 5G plans.",
    );
    assert_eq!(
        (place_of(&e), e.place_source),
        ((Some("Minsk"), Some("BY")), Some(crate::model::PlaceSource::Dateline))
    );
    // A stamp line that names the city beside the date ("Astana, Kazakhstan  28 March 2024")
    // stands for a dateline: where the page was filed from, the venue when the text names none.
    let e = event("Opening remarks at the regional forum\nAstana, Kazakhstan  28 March 2024\n\nDear colleagues, I thank the government for hosting the regional forum on digital government today.");
    assert_eq!(
        (place_of(&e), e.place_source),
        ((Some("Astana"), Some("KZ")), Some(crate::model::PlaceSource::Dateline))
    );
    let e = event("Подписан меморандум о цифровом сотрудничестве\n2 марта 2020 г., Москва, Российская Федерация\n\nСегодня министры связи двух стран подписали меморандум о сотрудничестве.");
    assert_eq!(place_of(&e), (Some("Moscow"), Some("RU")));
    // A stamp with no city in it gives none.
    let e = event("Подписан меморандум о цифровом сотрудничестве\n2 марта 2020 г., 10:45\n\nСегодня министры связи двух стран подписали меморандум о сотрудничестве.");
    assert_eq!(place_of(&e), (None, None));
}

// A state's venue after its form of name ("in the Kyrgyz Republic", "in the Republic of
// Uzbekistan"), and a venue on the next line of text hard-wrapped as PDFs re-flow it.
#[test]
fn a_state_named_by_its_form_or_a_venue_past_a_line_break() {
    let e = event("Satellite body holds its board session\n\nOn June 4, 2013, delegates of the member states of Intersputnik, among them Somalia, gathered in the Kyrgyz Republic for the session of the Board.");
    assert_eq!(place_of(&e), (None, Some("KG")));
    let e = event("Satellite body holds its board session\n\nOn June 4, 2013, delegates of the member states of Intersputnik, among them Somalia, gathered in the Republic of Uzbekistan for the session of the Board.");
    assert_eq!(place_of(&e), (None, Some("UZ")));
    let e = event("Совет операторов связи\n\nДелегации Сомали, Турции и Ирана 4 июня собрались на заседание совета\nв Ташкенте, чтобы обсудить спутниковую связь.");
    assert_eq!(place_of(&e), (Some("Tashkent"), Some("UZ")));
    let e = event("Board of operators\n\nOn June 4, 2013, delegations of Somalia, Turkey and Iran met for a session of the Board\nin Tashkent to discuss satellite links.");
    assert_eq!(place_of(&e), (Some("Tashkent"), Some("UZ")));
    // Not "to the": a guest's nationality.
    let e = event("Online talks held\n\nTalking to the Russian deputy minister in an online meeting on Thursday, the Iranian deputy minister called for cooperation.");
    assert_ne!(place_of(&e).1, Some("RU"));
}

// Names that are no venue: a site a commission deals with ("по комплексу «Байконур»"), a word
// of a company's name in quotes, a given name that is also a town's form. An institution's
// long name still gives its country ("в Министерстве цифрового развития, инноваций и
// аэрокосмической промышленности Казахстана", "в НАН Беларуси").
#[test]
fn subjects_companies_and_given_names_are_no_venue() {
    let e = event("Согласована повестка заседания российско-казахстанской комиссии по комплексу «Байконур»\n\nВ Москве прошла рабочая встреча министра Казахстана с главой Роскосмоса.");
    assert_eq!(place_of(&e), (Some("Moscow"), Some("RU")));
    let e = event("Казахстан и Конго подписали соглашение\n\n4 февраля 2025 года в Министерстве цифрового развития, инноваций и аэрокосмической промышленности Казахстана подписано соглашение о спутнике для Конго. Документ подписали представители АО «НК «Қазақстан Ғарыш Сапары» и Конго.");
    assert_eq!(place_of(&e), (None, Some("KZ")));
    let e = event("В НАН Беларуси обсудили спутник\n\n27 апреля 2023 г. в НАН Беларуси с участием представителей Роскосмоса и России состоялось совещание о совместном спутнике.");
    assert_eq!(place_of(&e), (None, Some("BY")));
    let e = event(
        "Встреча в правительстве\n\nВчера состоялась встреча Сапара Исакова с послом Турции о цифровом сотрудничестве.",
    );
    assert_ne!(place_of(&e).0, Some("Sapporo"));
}

// Context that names states or dates apart from the event: what was "before that", a company's
// country in brackets, and the signing of an agreement the story reports ratified.
#[test]
fn earlier_chairs_companies_and_an_agreements_signing_are_context() {
    let e = event("Узбекистан возглавит совет по связи\n\nУзбекистан избран председателем совета по связи стран СНГ на 2025 год. Решение принято на встрече стран-участниц в Ташкенте.\nДо этого советом руководил представитель Таджикистана.");
    assert_eq!(e.countries, ["UZ"]);
    let e = event("Спутник для Туркменистана\n\nВ ходе пребывания в Ашхабаде российский космонавт встретился с начальником космического управления Туркменистана.\nСпутник был выведен ракетой «Falcon 9» компании «SpaceX» (США), а изготовлен «Thales Alenia Space» (Франция).");
    assert_eq!(e.countries, ["RU", "TM"]);
    let e = event("Russia is ready to train Turkmen cosmonauts\n\nDuring a visit to Ashgabat, the Russian cosmonaut met the head of the space department of Turkmenistan.\nThe satellite was made by ThalesAleniaSpace (France) and launched on a Falcon 9 from SpaceX (USA).");
    assert_eq!(e.countries, ["RU", "TM"]);
    assert_eq!(e.mentioned.countries, ["FR", "US"]);
    for text in [
        "Армения строит свой спутник\n\nСовет Федерации ратифицировал соглашение между правительствами России и Армении о сотрудничестве в космосе.\nДля Армении соглашение важно: страна уже строит спутник.\nКак сообщил сенатор коллегам, документ был подписан в Ереване 7 апреля 2016 года.",
        "Armenia builds its satellite\n\nRussia's upper house ratified the agreement between the governments of Russia and Armenia on space cooperation.\nThe senator told colleagues that the document was signed in Yerevan on April 7, 2016.",
        // The signing told in the active voice, and at a summit: still the document's history.
        "Армения строит свой спутник\n\nСовет Федерации ратифицировал соглашение между правительствами России и Армении о сотрудничестве в космосе.\nПодписали его на саммите в Ереване в апреле 2016 года.",
        "Armenia builds its satellite\n\nRussia's upper house ratified the agreement between the governments of Russia and Armenia on space cooperation.\nThe two governments signed it at a summit in Yerevan in April 2016.",
    ] {
        let e = event(text);
        assert_eq!((e.date, place_of(&e), e.kind), (None, (None, None), Kind::Other), "{text}");
    }
    // A draft approved is signed only now: the decree's day dates the approval.
    let e = event(
        "Draft memo approved\n\nThe Kyrgyz government has approved the draft memorandum on ICT cooperation with \
         Azerbaijan, a news website reported.\n\nThe decree to that effect was signed by the Prime Minister on April 4.",
    );
    assert_eq!(e.date.unwrap().to_string(), "--04-04");
}

// A region's make-up ("consists of five republics (...)") and a figure given per country ("from
// 12% in Turkmenistan") name states apart from the event.
#[test]
fn a_regions_make_up_and_figures_per_country_are_mentions() {
    for text in [
        "Forum in Bishkek\n\nThe first regional forum took place in Bishkek, Kyrgyzstan on 21-22 June 2016.\n\nCentral Asia consists of five former soviet republics (Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan), and this forum marked a first open dialogue on Internet policy in the region.",
        "Forum in Bishkek\n\nThe first regional Internet forum took place in Bishkek, Kyrgyzstan on 21-22 June 2016.\nInternet use in the region ranges from 12% in Turkmenistan to 55% in Kazakhstan.",
        "Форум в Бишкеке\n\n21 июня 2016 года в Бишкеке прошел первый региональный форум по управлению интернетом.\nДоступ к сети имеют от 12% в Туркменистане до 55% в Казахстане.",
    ] {
        let e = event(text);
        assert_eq!(e.countries, ["KG"], "{text}");
        assert!(e.mentioned.countries.iter().any(|c| c == "KZ"), "{text}");
    }
    // So is a body cited as the source of figures.
    for text in [
        "Forum in Bishkek\n\nThe first regional Internet forum took place in Bishkek, Kyrgyzstan on 21-22 June 2016.\nAccording to International Telecommunication Union data (ITU, 2014), Internet use in the region is low.",
        "Форум в Бишкеке\n\n21 июня 2016 года в Бишкеке прошел первый региональный форум по управлению интернетом.\nПо данным МСЭ, доступ к сети в регионе невелик.",
    ] {
        let e = event(text);
        assert!(e.orgs.is_empty(), "{text}: {:?}", e.orgs);
        assert_eq!(e.mentioned.orgs, ["ITU"], "{text}");
    }
}

// Beside a gathering held online, a session in person elsewhere is another gathering.
#[test]
fn an_in_person_session_beside_an_online_one_is_no_venue() {
    for text in [
        "Рабочая группа провела онлайн-заседание\n\n6 мая министерство провело заключительное заседание рабочей группы БРИКС в режиме видеоконференции и готовит очную встречу в Бразилиа.",
        "BRICS group meets online\n\nOn Tuesday, May 6, Brazil chaired the third virtual meeting of the BRICS working group on ICT and is organizing an in-person session in Brasilia to finalize the declaration.",
    ] {
        assert_eq!(place_of(&event(text)), (None, None), "{text}");
    }
}

// A residence or palace stands for its city where the event is held in it, and only there.
#[test]
fn landmarks_held_in_give_their_city() {
    let e = event("Президент принял делегацию\nВчера в Акорде Президент Казахстана принял делегацию Международного союза электросвязи.");
    assert_eq!(place_of(&e), (Some("Astana"), Some("KZ")));
    let e = event("Встреча глав правительств ОТГ прошла в Бишкеке, в «Ынтымак Ордо», и была посвящена цифровизации.");
    assert_eq!(place_of(&e), (Some("Bishkek"), Some("KG")));
    let e =
        event("Russian and Chinese leaders held talks at the Kremlin on artificial intelligence and data security.");
    assert_eq!(place_of(&e), (Some("Moscow"), Some("RU")));
    let e = event("В резиденции Куксарой Президент Узбекистана провел встречу с министром цифровых технологий Кореи.");
    assert_eq!(place_of(&e), (Some("Tashkent"), Some("UZ")));
    // Named, not entered: a press service, a metonym, another city's kremlin.
    let e = event("Как сообщает пресс-служба Акорды, Президент Казахстана провел встречу с министром связи Китая.");
    assert_ne!(place_of(&e).0, Some("Astana"));
    let e = event("The Kremlin said the two presidents held a meeting on digital cooperation.");
    assert_ne!(place_of(&e).0, Some("Moscow"));
    let e = event("Встреча министра связи Узбекистана с президентом Татарстана состоялась в Казанском Кремле.");
    assert_ne!(place_of(&e).0, Some("Moscow"));
}

// A gathering's noun in any case ties a city to it ("форуму в Ташкенте", "саммитом в Астане").
#[test]
fn gathering_nouns_in_every_case_tie_the_venue() {
    let e = event("Президент дал старт международному IT-форуму в Ташкенте\n\n28 ноября Президент Узбекистана открыл форум по искусственному интеллекту.");
    assert_eq!(place_of(&e), (Some("Tashkent"), Some("UZ")));
    let e = event("Министры связи довольны саммитом в Астане\n\nМинистры связи стран ОТГ обсудили цифровую повестку.");
    assert_eq!(place_of(&e), (Some("Astana"), Some("KZ")));
}

// A country further on that hosts a gathering to come is not the venue of the one reported.
#[test]
fn a_country_hosting_a_gathering_to_come_is_no_venue() {
    let e = event("Президент предложил странам БРИКС создать общую платформу\n\nПрезидент России предложил странам БРИКС создать общую платформу обмена данными. С этим предложением он выступил в статье, опубликованной перед саммитом, намеченным на 3-5 сентября в Китае.");
    assert_ne!(place_of(&e).1, Some("CN"), "{:?}", e.place);
    let e = event("The ministers of Azerbaijan, Georgia and Turkey discussed the fibre-optic cable. The next meeting will be held in Turkey in the spring.");
    assert_ne!(place_of(&e).1, Some("TR"), "{:?}", e.place);
}

#[test]
fn a_proposed_site_or_company_seat_is_not_the_venue() {
    let e = event("Делегация ПРООН посетила Казахстан для обсуждения создания центра цифровых решений в Алматы.");
    assert_eq!(place_of(&e), (None, Some("KZ")));
}

// A reminder's paragraph is background to its end; the next paragraph is not.
#[test]
fn a_reminders_paragraph_dates_nothing() {
    let e = event("Доноры оснастят парламент техникой\n\nКорейское агентство выделило грант на цифровизацию парламента Кыргызстана.\n\nНапомним, после выборов 4 октября 2020 года прошли митинги. 5 октября начались беспорядки.");
    assert!(e.date.is_none(), "{:?}", e.date);
    let e = event("Министры обсудили связь\n\nНапомним, в прошлом году стороны подписали меморандум. To recall is all.\n\n5 октября 2023 года в Бишкеке прошла встреча министров связи Кыргызстана и Казахстана.");
    assert_eq!(e.date.map(|d| d.to_string()).as_deref(), Some("2023-10-05"));
}

// Class 5: relative dates resolved against publication; background years are not the event's.
#[test]
fn relative_dates_and_weekdays() {
    // 18 June 2025 was a Wednesday.
    for (phrase, date) in [
        ("Во вторник", "2025-06-17"),
        ("В минувшую пятницу", "2025-06-13"),
        ("В прошлую среду", "2025-06-11"),
        ("Сегодня", "2025-06-18"),
        ("Вчера", "2025-06-17"),
    ] {
        let e = event(&format!("Встреча министров\n18.06.2025\n\n{phrase} в Астане прошла встреча министров цифрового развития Казахстана и Китая."));
        assert_eq!(e.date.unwrap().to_string(), date, "{phrase}");
    }
    for (phrase, date) in [("on Thursday", "2025-06-12"), ("last Friday", "2025-06-13"), ("today", "2025-06-18")] {
        let e = event(&format!("Ministers meet\nJune 18, 2025\n\nThe ministers of Kazakhstan and China held a meeting in Astana {phrase} on digital cooperation."));
        assert_eq!(e.date.unwrap().to_string(), date, "{phrase}");
    }
    let e = event("Заголовок\n18.06.2025\n\nАзербайджан вступил в МСЭ в октябре 1992 года. 17 июня в Баку прошла встреча министров.");
    assert_eq!(e.date.unwrap().to_string(), "2025-06-17");
}

#[test]
fn a_year_from_the_gatherings_name_when_the_page_has_none() {
    let e = event("17 июня, Санкт-Петербург. – На полях ПМЭФ-2022 министры Армении и России провели переговоры.");
    assert_eq!(e.date.unwrap().to_string(), "2022-06-17");
    assert_eq!(e.published, None, "a publication date is not invented");
    let e = event("В Женеве начал работу Форум по управлению Интернетом (IGF 2031). Форум проходит с 8 по 12 октября.");
    assert_eq!(e.date.unwrap().to_string(), "2031-10-08");
}

// A state named alone before the word of membership is the speaker's, not a member listed.
#[test]
fn a_lone_state_before_members_takes_part() {
    let e = event("ALMATY. KAZINFORM - Closer ties are what Kazakhstan's Minister of Information Dauren Abayev called for from his colleagues in the Turkic Council member countries.");
    assert_eq!(e.countries, ["KZ"], "{:?}", e.mentioned);
}

// Class 6: participants against mentions.
#[test]
fn membership_lists_and_company_nationality_are_mentions() {
    let e = event("В Ташкенте прошло заседание министров связи ШОС под председательством Узбекистана. В ШОС входят Индия, Иран, Казахстан, Китай, Кыргызстан, Пакистан, Россия, Таджикистан и Узбекистан.");
    assert_eq!(e.countries, ["UZ"]);
    assert!(e.mentioned.countries.iter().any(|c| c == "IN") && e.mentioned.countries.len() == 8);
    let e = event("Министр связи Грузии встретился с представителями американской компании Cisco в Тбилиси.");
    assert_eq!(e.countries, ["GE"]);
    assert_eq!(e.mentioned.countries, ["US"]);
    let e = event("SPECA held its forum in Baku. Its members today are Afghanistan, Azerbaijan, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.");
    assert_eq!(e.countries, ["AZ"], "the host, and none of the members listed");
    assert_eq!(e.mentioned.countries.len(), 7);
    assert_eq!(place_of(&e), (Some("Baku"), Some("AZ")));
}

#[test]
fn a_gathering_that_names_no_state_is_its_hosts() {
    let e = event("Итоги года\nВ Казани прошло заседание организационного комитета цифрового форума.");
    assert_eq!(e.countries, ["RU"]);
    // Not from the outlet's dateline alone, nor for words said.
    let e = event("КАЗАНЬ, 5 мая. Министр заявил, что цифровой форум станет крупнее.");
    assert!(e.countries.is_empty(), "{:?}", e.countries);
}

#[test]
fn a_body_as_the_set_a_state_is_compared_within_is_a_mention() {
    let e = event("В Баку открылась конференция по развитию электросвязи. Азербайджан впервые среди стран СНГ принимает это мероприятие.");
    assert!(e.orgs.is_empty(), "{:?}", e.orgs);
    assert_eq!(e.mentioned.orgs, ["CIS"]);
    let e = event("The forum opened in Astana. Kazakhstan is the first among the SCO countries to host it.");
    assert!(!e.orgs.iter().any(|o| o == "SCO"), "{:?}", e.orgs);
}

// Class 7: bodies by every name.
#[test]
fn bodies_by_full_names_misnomers_and_sub_bodies() {
    let orgs = |text: &str| event(text).orgs.iter().map(std::string::ToString::to_string).collect::<Vec<_>>();
    assert_eq!(orgs("В Бишкеке прошло заседание Регионального сообщества в области связи."), ["RCC"]);
    assert_eq!(orgs("В Москве прошла встреча руководителей РАТС ШОС."), ["SCO"]);
    assert_eq!(orgs("The Shanghai Cooperation Organization held talks in Beijing."), ["SCO"]);
    assert_eq!(orgs("Ministers met at the International Telecommunication Union in Geneva."), ["ITU"]);
    assert_eq!(orgs("The Eurasian Economic Commission met in Moscow."), ["EAEU"]);
    assert_eq!(orgs("В Минске прошло заседание Евразийской экономической комиссии."), ["EAEU"]);
    assert_eq!(orgs("The ITU Regional Office for the CIS held a workshop in Moscow."), ["ITU"]);
    assert_eq!(orgs("Belarus' Permanent Representative to the UN Office in Geneva met the ITU chief."), ["ITU"]);
    assert_eq!(orgs("The UNDP Office in Tajikistan signed a memorandum with the ministry."), ["UNDP"]);
    assert_eq!(orgs("Газета СНГ: в Баку прошла встреча министров связи Азербайджана и Грузии."), Vec::<String>::new());
}

// English articles read like Russian ones.
#[test]
fn english_dateline_date_and_venue() {
    let e = event("Azerbaijan and ITU discuss broadband\nBAKU, Azerbaijan, October 3. The minister of digital development of Azerbaijan met the ITU Secretary-General in Geneva on October 2.");
    assert_eq!(e.date.unwrap().to_string(), "--10-02");
    assert_eq!(place_of(&e), (Some("Geneva"), Some("CH")));
    assert_eq!(e.orgs, ["ITU"]);
    let e = event("GENEVA, 20 May 2025 — The ITU Council opened its annual session, attended by ministers of Kazakhstan and Uzbekistan.");
    assert_eq!(e.published.unwrap().to_string(), "2025-05-20");
    assert_eq!(e.date.unwrap().to_string(), "2025-05-20");
    assert_eq!(e.date_source, Some(crate::model::DateSource::Dateline));
}

#[test]
fn markdown_notes_are_read_as_text_and_their_lists_as_body() {
    let md = "# Встреча министров связи в Ташкенте\n\n**12 мая 2025 года** в Ташкенте прошла встреча министров связи \
              Узбекистана и Казахстана.\n\nОбсудили:\n\n- искусственный интеллект\n- кибербезопасность\n";
    let a = crate::load::article_from_bytes("notes.md", md.as_bytes()).unwrap();
    assert!(!a.text.contains("**") && !a.text.contains('#'), "{}", a.text);
    let title = a.structure.title.clone().map(|t| a.text[t].to_string());
    assert_eq!(title.as_deref(), Some("Встреча министров связи в Ташкенте"));
    let e = extract(&a).remove(0);
    assert_eq!(e.date.unwrap().to_string(), "2025-05-12");
    assert!(e.topics.iter().any(|t| t == "ai") && e.topics.iter().any(|t| t == "cybersecurity"), "{:?}", e.topics);
    // The same text as a plain file keeps its marks.
    let plain = crate::load::article_from_bytes("notes.txt", md.as_bytes()).unwrap();
    assert!(plain.text.contains("**"));
}

#[test]
fn words_before_keep_dots_and_skip_punctuation() {
    let t = "встреча в г. ташкенте, «узбекистан» — 2025";
    let got: Vec<&str> = super::words_before(t, t.len(), 5).collect();
    assert_eq!(got, ["2025", "узбекистан", "ташкенте", "г.", "в"]);
}

proptest::proptest! {
    /// Read on the bytes, the words around a point are the pieces between non-word characters.
    #[test]
    fn words_around_a_point_are_the_pieces_between_non_word_characters(
        s in "[а-яa-z0-9 .,«»—ёé中-]{0,40}", cut in 0usize..40, n in 0usize..6
    ) {
        let at = s.char_indices().map(|(i, _)| i).chain([s.len()]).nth(cut).unwrap_or(s.len());
        let by_split: Vec<&str> = s[..at]
            .rsplit(|ch: char| !crate::lexicon::is_word_char(ch) && ch != '.')
            .filter(|w| !w.is_empty() && *w != ".")
            .take(n)
            .collect();
        proptest::prop_assert_eq!(super::words_before(&s, at, n).collect::<Vec<_>>(), by_split);
        let after = s[at..].split(|ch: char| !crate::lexicon::is_word_char(ch)).find(|w| !w.is_empty()).unwrap_or("");
        proptest::prop_assert_eq!(super::word_after(&s, at), after);
    }
}

#[test]
fn a_clause_starts_after_the_last_stop_before_it() {
    let t = "встреча, «форум; в рамках» форума";
    let at = t.find(" форума").unwrap();
    assert_eq!(&t[super::clause_start(t, 0, at, b",.;:(\n")..at], " в рамках»");
    assert_eq!(super::clause_start(t, 3, 5, b",;"), 3, "no stop: the given start");
    assert_eq!(super::clause_start(t, 0, at, b","), t.find(',').unwrap() + 1);
}

fn title_of(text: &str) -> Option<String> {
    let a = Article::from_text("t.txt", text);
    a.structure.title.clone().map(|t| a.text[t].to_string())
}

#[test]
fn a_body_placed_in_the_un_system_names_the_un_only() {
    let e = event(
        "Talks in Geneva\nOn 5 May in Geneva the Kazakh minister met the ITU Secretary-General. \
         ITU is the United Nations specialized agency for information and communication technologies.",
    );
    assert_eq!(e.orgs, ["ITU"]);
    assert_eq!(e.mentioned.orgs, ["UN"]);
    let ru = event(
        "Встреча в Женеве\n5 мая в Женеве министр Казахстана встретился с генсеком МСЭ. \
         МСЭ является специализированным учреждением ООН в области ИКТ.",
    );
    assert_eq!(ru.orgs, ["ITU"]);
    assert_eq!(ru.mentioned.orgs, ["UN"]);
}

#[test]
fn a_document_bearing_a_bodys_name_is_no_part_for_it() {
    let e = event(
        "Talks in Baku\nOn 3 June in Baku the minister of Azerbaijan met the ITU Secretary-General. \
         They spoke of an event at the session of the parties to the UN Framework Convention on Climate Change.",
    );
    assert_eq!(e.orgs, ["ITU"]);
    assert_eq!(e.mentioned.orgs, ["UN"]);
}

#[test]
fn states_met_at_a_side_event_are_mentions() {
    let e = event(
        "Azerbaijan at the conference\nAzerbaijan's deputy minister took part in the conference held in Kigali on 6 June. \
         On the sidelines, the delegation met ministers from Cuba, Nepal, Angola and Samoa.",
    );
    assert_eq!(e.countries, ["AZ"]);
    assert_eq!(e.mentioned.countries, ["AO", "CU", "NP", "WS"]);
    let ru = event(
        "Делегация Армении на форуме\n12 мая в Минске делегация Армении приняла участие в форуме ТИБО. \
         На полях форума министр также встретился с коллегами из Китая, Вьетнама и Ирана.",
    );
    assert_eq!(ru.countries, ["AM"]);
    assert_eq!(ru.mentioned.countries, ["CN", "IR", "VN"]);
    // So are those of bilateral meetings held during the gathering, unless the head reports
    // the meetings themselves.
    let e = event(
        "Azerbaijan at the Internet Governance Forum\n\nThe delegation of Azerbaijan attended the 9th Internet Governance Forum in Istanbul. \
         During the days of the event the delegates held bilateral meetings with officials of the USA, Japan and Brazil.",
    );
    assert_eq!(e.countries, ["AZ"]);
    assert_eq!(e.mentioned.countries, ["BR", "JP", "US"]);
    let e = event(
        "Azerbaijani delegation held several meetings at ITU events\n\nThe delegation of Azerbaijan attended the symposium in New Delhi. \
         During the event the delegation also had bilateral meetings with the ministries of Japan and China.",
    );
    assert_eq!(e.countries, ["AZ", "CN", "JP"]);
    // Guard: the members listed after the quote that plans side meetings attend the session.
    let e = event(
        "В Сочи лидеры ЕАЭС обсудят цифровую экономику\n\n14 мая в Сочи состоится заседание Высшего евразийского экономического совета. \
         \"Кроме участия в заседании, запланированы двусторонние встречи с главами государств\", - отметил помощник президента, пояснив, \
         что участие в заседании примут президенты России, Белоруссии и Казахстана.",
    );
    assert_eq!(e.countries, ["BY", "KZ", "RU"]);
}

#[test]
fn an_earlier_report_linked_under_the_story_is_background() {
    let e = event(
        "Tajikistan signs a memorandum\nOn 29 December Tajikistan's Communications Service signed a memorandum with the ITU. \
         Earlier it was reported that Uzbekistan and Kyrgyzstan reviewed a transport corridor.",
    );
    assert_eq!(e.countries, ["TJ"]);
    let ru = event(
        "Таджикистан подписал меморандум\n29 декабря Служба связи Таджикистана подписала меморандум с МСЭ. \
         Ранее сообщалось, что Узбекистан и Кыргызстан обсудили транспортный коридор.",
    );
    assert_eq!(ru.countries, ["TJ"]);
}

#[test]
fn a_city_in_brackets_after_a_name_is_a_seat() {
    let e = event(
        "A memorandum signed\nTajikistan's Communications Service and the company Jinda (Beijing) Technology Co. \
         have signed a memorandum on informatization.",
    );
    assert!(e.place.as_ref().is_none_or(|p| p.city.is_none()), "{:?}", e.place);
}

#[test]
fn an_office_for_a_region_names_no_body_of_that_region() {
    let e = event(
        "Dialogue in Bishkek\nOn 17 June in Bishkek the UNDP director for Europe and the CIS and the minister of Kyrgyzstan \
         opened a dialogue. Ms Egger, Director of the UNDP Regional Bureau for Europe and the CIS, spoke first.",
    );
    assert!(!e.orgs.iter().any(|o| o == "CIS"), "{:?}", e.orgs);
}

#[test]
fn a_gathering_to_come_gives_no_venue_or_parts_to_the_story() {
    let e = event(
        "Azerbaijan and the ITU\nRelations were discussed at the meeting of the Council of the International \
         Telecommunication Union (ITU) in Geneva. They also talked about the plenipotentiary conference due in \
         Bucharest at the end of the year.",
    );
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Geneva"));
    let ru = event(
        "Итоги заседания\n12 мая в Минске прошло заседание Совета глав администраций связи РСС. \
         Министры ответили на вопросы: в эти же дни здесь пройдет и саммит «Соединим пространство СНГ».",
    );
    assert_eq!(ru.orgs, ["RCC"]);
    assert_eq!(ru.mentioned.orgs, ["CIS"]);
    // Another clause of the same sentence may report what was held.
    let held =
        event("Итоги года\nВ этом году Минск принимает заседание Совета РСС: в эти же дни здесь пройдет и саммит.");
    assert_eq!(held.place.unwrap().city.as_deref(), Some("Minsk"));
}

#[test]
fn a_greeting_sent_to_a_forum_is_a_statement() {
    let e = event(
        "Lukashenko: telecom is a priority\nMINSK, 25 April (BelTA) – The President of Belarus has sent greetings \
         to the participants of TIBO 2012, the 19th international forum for telecommunications.",
    );
    assert_eq!(e.kind, Kind::Statement);
    let ru = event(
        "Лукашенко: Беларусь становится цифровым мостом\nТакой вывод содержится в приветствии, которое президент \
         Беларуси 8 апреля направил участникам Международного форума ТИБО-2019.",
    );
    assert_eq!(ru.kind, Kind::Statement);
    // Said in the headline, which then names the forum it was sent to.
    let titled = event(
        "Президент направил приветствие участникам форума «Туркментел»\nПо случаю открытия форума в Ашхабаде \
         глава государства обратился с поздравлением к его участникам.",
    );
    assert_eq!(titled.kind, Kind::Statement);
    let message = event(
        "Лукашенко: экономика опирается на ИКТ\nМинск, 18 мая. Президент Беларуси в послании генсеку МСЭ назвал ИКТ \
         основой роста экономики. По данным МИД, 17 мая документ генсеку передал на встрече в Женеве постоянный \
         представитель Беларуси.",
    );
    assert_eq!(message.kind, Kind::Statement);
}

#[test]
fn receiving_an_ambassador_is_a_meeting_on_its_day() {
    let e = event(
        "Министр рассказал о сотрудничестве\n29 января министр высокотехнологической промышленности Армении принял \
         Чрезвычайного и Полномочного Посла Великобритании.",
    );
    assert_eq!(e.kind, Kind::Meeting);
    assert_eq!(e.date.unwrap().to_string(), "--01-29");
}

#[test]
fn state_abbreviations_of_the_region_are_their_states() {
    let e = event("Встреча министров\n6 ноября в Баку прошла встреча министра связи Азербайджана с министром цифрового развития КР.");
    assert_eq!(e.countries, ["AZ", "KG"]);
    let am = event("Встреча министров\n12 марта в Тбилиси министр РА встретился с министром экономики Грузии.");
    assert_eq!(am.countries, ["AM", "GE"]);
}

#[test]
fn resort_towns_that_host_summits_are_venues() {
    let e = event("Саммит ОТГ\nВыступая на саммите Организации тюркских государств в Габале, президент Казахстана выдвинул инициативы.");
    let p = e.place.unwrap();
    assert_eq!((p.city.as_deref(), p.country.code()), (Some("Qabala"), "AZ"));
    let en = event(
        "OTS summit\nSpeaking at the OTS summit in Gabala on 7 October, the President of Kazakhstan made proposals.",
    );
    assert_eq!(en.place.unwrap().city.as_deref(), Some("Qabala"));
}

#[test]
fn bylines_rubrics_and_credits_are_not_headlines_but_stamps_on_them_count() {
    assert_eq!(
        title_of("By Azernews\n\nBy Laman Ismayilova\n\nRelations between Azerbaijan and the ITU were discussed at a meeting in Geneva on Monday.")
            .as_deref(),
        None
    );
    assert_eq!(
        title_of("08.04.2019 10:36\nВ мире\n\nЛукашенко: Беларусь превращается в цифровой мост\n\nПо словам президента, страна стала мостом между регионами мира и сделала ставку на цифровую экономику.").as_deref(),
        Some("Лукашенко: Беларусь превращается в цифровой мост")
    );
    let a = Article::from_text(
        "t.txt",
        "Kazakhstan to build cooperation with Tajikistan\nФото: Akorda 15.09.2023 15:10 613\n\nKazakhstan has announced a partnership with Tajikistan in digital development at an exhibition in Dushanbe.",
    );
    assert_eq!(a.structure.published.map(|(d, _)| d.to_string()).as_deref(), Some("2023-09-15"));
}

#[test]
fn english_ordinal_days_and_ranges_date_the_event() {
    let e = event(
        "Minister visits Belarus\nASTANA. KAZINFORM - The Kazakh minister was on a working visit to Belarus on 17th \
         and 18th April, the ministry reports.",
    );
    assert_eq!(e.date.unwrap().to_string(), "--04-17");
    let of = event("Forum in Baku\nThe forum took place in Baku on the 3rd of June 2024.");
    assert_eq!(of.date.unwrap().to_string(), "2024-06-03");
    let ru = event(
        "Конференция в Ереване\nСегодня, 19-го сентября 2022 года, в Ереване прошла межрегиональная конференция.",
    );
    assert_eq!(ru.date.unwrap().to_string(), "2022-09-19");
}

#[test]
fn an_agencys_credit_in_brackets_dates_the_report_only() {
    let e = event(
        "AI summit\nPARIS, (Point News / WAM - 12th Feb, 2025) Delegates gathered at the summit, which convened in \
         Paris on Tuesday.",
    );
    assert_ne!(e.date.map(|d| d.to_string()).as_deref(), Some("2025-02-12"), "{:?}", e.date);
}

#[test]
fn a_host_receiving_a_guest_gives_the_hosts_country() {
    let e = event(
        "Встреча премьер-министра\nПремьер-министр Грузии 4 апреля принял министра цифрового развития и транспорта \
         Азербайджана.",
    );
    assert_eq!(place_of(&e), (None, Some("GE")));
}

#[test]
fn a_ministry_by_its_short_name_gives_its_country_before_countries_talked_about() {
    let e = event(
        "Россия и Вьетнам обсудили сотрудничество\nВстреча министров связи России и Вьетнама состоялась 28 августа в \
         Минкомсвязи России. Министры обсудили работу в сфере ИКТ во Вьетнаме и в России.",
    );
    assert_eq!(place_of(&e), (None, Some("RU")));
}

#[test]
fn a_congress_that_was_under_way_dates_and_places_the_story() {
    let e = event(
        "Азербайджан на конгрессе\nМинистр ездил в Турцию, чтобы принять участие во Всемирном конгрессе, который \
         проходил в Стамбуле с 1 по 3 ноября.",
    );
    assert_eq!(e.date.unwrap().to_string(), "--11-01");
    assert_eq!(place_of(&e), (Some("Istanbul"), Some("TR")));
    assert_eq!(e.kind, Kind::Conference);
}

#[test]
fn page_navigation_and_breadcrumbs_are_not_headlines() {
    let text = "Перейти на главную страницу\n\nМеню портала\n\n» » Россия и Абхазия подписали соглашение\n\
                Россия и Абхазия подписали соглашение\nМОСКВА, 16 мая. Россия и Абхазия заключили соглашение о \
                сотрудничестве в области связи.";
    assert_eq!(title_of(text).as_deref(), Some("Россия и Абхазия подписали соглашение"));
    assert_eq!(event(text).date.unwrap().to_string(), "--05-16");
}

#[test]
fn a_russian_stamp_may_put_the_month_first() {
    let a = Article::from_text(
        "t.txt",
        "Центр открыт в Шанхае\nИюнь 21, 2025. 12:22\nШАНХАЙ, 21 июня. /ИА «Дунё»/. В Шанхае открыли центр.",
    );
    assert_eq!(a.structure.published.map(|(d, _)| d.to_string()).as_deref(), Some("2025-06-21"));
}

#[test]
fn approving_a_draft_agreement_is_no_signing() {
    let e = event(
        "Правительство одобрило проект меморандума\n12 марта Кабинет министров Кыргызстана одобрил проект меморандума \
         о сотрудничестве в области ИКТ с Азербайджаном.",
    );
    assert_ne!(e.kind, Kind::Agreement);
    let en = event(
        "Government approves a draft\nOn 12 March the Cabinet of Kyrgyzstan approved the draft memorandum on ICT \
         cooperation with Azerbaijan.",
    );
    assert_ne!(en.kind, Kind::Agreement);
    // Nor is a minister empowered to sign it.
    for text in [
        "Tazabek — Кабинет министров 15 августа одобрил проект Соглашения между Кабинетом министров и Народным правительством Синьцзян-Уйгурского автономного района Китая.\n\
         Речь идет о сотрудничестве почтовых служб.\n\
         Министр экономики и коммерции уполномочен на подписание вышеуказанного проекта Соглашения.",
        "The Cabinet approved on 15 August the draft agreement with the government of Xinjiang on postal services.\n\
         It concerns cross-border e-commerce.\n\
         The minister of economy is authorized to sign the agreement.",
    ] {
        let e = event(text);
        assert_eq!((e.kind, e.date), (Kind::Other, Some(EventDate::DayMonth { month: 8, day: 15 })), "{text}");
    }
}

#[test]
fn an_interview_is_words_said_whatever_gathering_brought_the_speaker() {
    let e = event(
        "Баку принимает Всемирную конференцию по развитию электросвязи\nО сотрудничестве Азербайджана и Казахстана \
         вице-министр рассказал в интервью агентству. Предлагаем читателям текст интервью.",
    );
    assert_eq!(e.kind, Kind::Statement);
}

#[test]
fn breadcrumbs_markup_left_in_a_page_and_a_speakers_colon_are_no_headline_or_dateline() {
    let text = "• <li id=\"a\"></li>\n  • <tt id=\"a\"><table id=\"a\"></table></tt>\nРусский язык>>Китай\n\
                МИД РФ: Россия и Китай вместе противостоят фейкам\n30/10/2025,08:30\n\
                Москва, 29 октября /Синьхуа/ -- Россия развивает с Китаем взаимодействие в информационной сфере.";
    assert_eq!(title_of(text).as_deref(), Some("МИД РФ: Россия и Китай вместе противостоят фейкам"));
    let e = event(text);
    assert_eq!(e.published.map(|d| d.to_string()).as_deref(), Some("2025-10-30"));
}

#[test]
fn talks_with_a_bodys_head_name_no_venue_by_the_one_country() {
    let e = event(
        "Uzbekistan and the EU\nSherzod Shermatov, Uzbekistan's Minister of Digital Technologies, held talks with the \
         EU Commissioner for International Partnerships.",
    );
    assert_eq!(e.place, None);
    // A visiting delegation still meets at the host's.
    let guest = event(
        "Talks on security\nOn September 26, the President of Uzbekistan received a high-level Chinese delegation. \
         The sides discussed security.",
    );
    assert_eq!(place_of(&guest), (None, Some("UZ")));
}

#[test]
fn a_year_after_a_preposition_names_no_gathering() {
    // "In 2016" opens a time; "Digital Almaty 2024" names a gathering and gives its year.
    let e = event(
        "Uzbekistan to launch a centre\nOn 30 January, the new e-Government Center will be opened in Tashkent.\nIn 2016, the government announced that it would invest in e-government.",
    );
    assert_eq!(e.date.unwrap().to_string(), "--01-30");
    let e = event("Belarus joins\nOn June 17 the meeting was held in Karamay.\nIn July 2024, Belarus joined the SCO.");
    assert_eq!(e.date.unwrap().to_string(), "--06-17");
    let e = event(
        "Форум открылся\n5 февраля в Алматы открылся форум Digital Almaty 2024.\nВ 2019 году форум прошел впервые.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2024-02-05");
}

#[test]
fn the_region_of_an_officials_post_is_no_participant() {
    let e = event(
        "Встреча в МИД\nВ МИД Туркменистана 10 сентября прошла встреча с региональным представителем УНП ООН по Центральной Азии, Афганистану, Ирану и Пакистану Оливером Штольпе.",
    );
    assert_eq!(e.countries, ["TM"]);
    assert_eq!(e.mentioned.countries, ["AF", "IR", "PK"]);
    // A post named by its field, then a country visited: the country takes part.
    let e = event("Визит\nСпециальный представитель Президента России по международному культурному сотрудничеству посетил Узбекистан.");
    assert!(e.countries.iter().any(|c| c == "UZ"), "{:?}", e.countries);
}

#[test]
fn a_place_in_a_ranking_lists_states_and_a_central_place_does_not() {
    let e = event("Выступление\nГосударственный советник выступил с речью. Центральное место в выступлении заняли меры по модернизации Казахстана.");
    assert_eq!(e.countries, ["KZ"]);
    let e = event("Рейтинг\nВ рейтинге Узбекистан занял первое место, опередив Казахстан и Кыргызстан.");
    assert!(e.countries.is_empty(), "{:?}", e.countries);
}

#[test]
fn a_datelines_day_printed_with_a_year_elsewhere_gives_the_year() {
    let e = event(
        "Медведев о цифровом министерстве\nМедведев на форуме в Алма-Ате. 1 февраля 2019\nАЛМА-АТА, 1 фев - РИА Новости. Появление министерства цифрового развития важно, заявил премьер-министр РФ Дмитрий Медведев на форуме.",
    );
    assert_eq!(e.published.unwrap().to_string(), "2019-02-01");
    assert_eq!(e.date.unwrap().to_string(), "2019-02-01");
    // Another day with a year gives none.
    let e = event(
        "Медведев о цифровом министерстве\nАЛМА-АТА, 1 фев - РИА Новости. Появление министерства важно, заявил Медведев, напомнив о решении 5 мая 2018 года.",
    );
    assert_eq!(e.published.and_then(|d| d.known_year()), None);
}

#[test]
fn the_previous_meeting_dates_and_places_nothing() {
    let e = event(
        "Tenth session of the SPECA Working Group\n\n4 Jul 2018 to 5 Jul 2018\nBaku, Azerbaijan\n\nThe group meets yearly. Its previous, ninth meeting took place in Bishkek on 23 July 2017, with Kyrgyzstan as host.\n",
    );
    assert_eq!(e.date.unwrap().to_string(), "2018-07-04");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Baku"));
    assert!(!e.countries.iter().any(|c| c == "KG"), "{:?}", e.countries);
}

#[test]
fn a_head_that_names_a_gathering_to_come_takes_its_announced_date() {
    let e = event(
        "Обнародована повестка VIII саммита глав государств Тюркского совета.\nКак сообщает АПА со ссылкой на пресс-службу Тюркского совета, VIII саммит состоится 12 ноября в Стамбуле.\n",
    );
    assert_eq!(e.date.unwrap().to_string(), "--11-12");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Istanbul"));
    // A head that reports a gathering held keeps the one to come aside.
    let e = event(
        "В Баку прошла встреча министров связи Азербайджана и Турции.\nСледующее заседание рабочей группы состоится 12 ноября в Стамбуле.\n",
    );
    assert_ne!(e.date.map(|d| d.to_string()).as_deref(), Some("--11-12"));
}

#[test]
fn a_capital_named_as_the_subject_gives_the_venue() {
    let e = event("Неделя СПЕКА\nС 20 по 23 января 2026 года столица Туркменистана примет Неделю Специальной программы ООН для экономик Центральной Азии (СПЕКА), которая пройдет впервые.");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Ashgabat"));
    assert_eq!(e.orgs, ["SPECA", "UN"], "the programme's name names the UN");
    // A compound names no capital: the forum is not in Moscow.
    let e = event(
        "Форум в Иннополисе\nНа форуме в Иннополисе выступил министр. Иннополис - это IT-столица России, сказал он.",
    );
    assert_ne!(e.place.and_then(|p| p.city).as_deref(), Some("Moscow"));
}

#[test]
fn documents_spoken_of_make_no_signing() {
    // A meeting that discusses an agreement to come is a meeting.
    // (Three agreement words in the lead outweigh the headline's one meeting word: only the
    // missing signing verb makes it a meeting.)
    let e = event("Встреча министров\nВ Ташкенте министры связи Узбекистана и Китая обсудили соглашение о сотрудничестве, меморандум о связи и договор о данных.");
    assert_eq!(e.kind, Kind::Meeting);
    // A signing the head reports is the story.
    let e = event("Подписан меморандум\nВ Ташкенте министры связи Узбекистана и Китая подписали меморандум о сотрудничестве в сфере ИКТ.");
    assert_eq!(e.kind, Kind::Agreement);
}

#[test]
fn english_venue_after_a_topic_or_a_day() {
    // A gathering that "kicked off" where it is held, though a topic phrase comes first.
    let e = event("Digital conference opens\n\nThe international conference on digitalization kicked off in Nur-Sultan. Officials from Kyrgyzstan attend.");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Astana"));
    // "on April 25" is a day, not a topic; the capital in apposition is the venue.
    let e = event("Forum in Astana\n\nThe Ministry of Korea held the e-Government Forum with Kazakhstan on April 25 in Kazakhstan's capital, Astana.");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Astana"));
}

#[test]
fn a_year_before_is_background() {
    let e = event("Forum held\n\nOfficials of Korea and Kazakhstan held a forum on e-government on April 25. At the state visit to Seoul in November last year, the ministries signed a memorandum.");
    assert!(e.place.is_none_or(|p| p.city.as_deref() != Some("Seoul")));
}

#[test]
fn a_body_in_quoted_words_away_from_the_head_is_spoken_of() {
    let e = event("Президенты приняли заявление\n\nПрезиденты России и Узбекистана приняли в Москве совместное заявление.\n\n\"Стороны продолжат работу на международных площадках, включая повышение роли Международного союза электросвязи в управлении сетью\", - отмечается в документе.");
    assert!(e.orgs.is_empty());
    assert_eq!(e.mentioned.orgs, ["ITU"]);
    // A short quotation is a name: the body in it takes part.
    let e = event("Форум открылся\n\nВ Ташкенте открылся форум «Неделя МСЭ».");
    assert_eq!(e.orgs, ["ITU"]);
}

#[test]
fn a_region_named_after_a_body_and_examples_of_bodies_are_mentions() {
    let e =
        event("Конференция открылась\n\nВ Баку открылась конференция МСЭ, которая впервые проводится в регионе СНГ.");
    assert_eq!(e.orgs, ["ITU"]);
    let e = event("Today's forum\n\nToday the ITU forum opened in Astana, the last of our meetings in the CIS region.");
    assert_eq!(e.orgs, ["ITU"]);
    let e = event("Сотрудничество России и Китая\n\nРоссия и Китай сотрудничают в сфере ИКТ и на международных площадках (таких как БРИКС, ШОС, МСЭ и др.), сообщила директор департамента.");
    assert!(e.orgs.is_empty(), "{:?}", e.orgs);
    // A region's week named by a dash is no region of the body.
    let e = event("Ашхабад примет Неделю\n\nАшхабад примет важнейшее событие региона — Неделю СПЕКА.");
    assert_eq!(e.orgs, ["SPECA"]);
}

#[test]
fn a_proposed_site_and_a_programmes_year_are_not_the_events() {
    let e = event("Совет по космосу\n\nТАШКЕНТ, 29 сентября 2025 — Sputnik. В Ташкенте прошло заседание Совета, участники которого поддержали кандидатуру Самарканда для проведения конгресса в 2028 году.");
    assert_eq!(e.date.unwrap().to_string(), "2025-09-29");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Tashkent"));
    let e = event("Меморандум подписан\n\nМинистр и агентство подписали меморандум о поддержке стратегии «Цифровой Узбекистан-2030».");
    assert!(e.date.is_none());
}

#[test]
fn a_postal_congress_is_a_meeting_a_seminar_a_conference_an_initialling_an_agreement() {
    let e = event("Казахстан избран в Совет\n\nКазахстан избран в Совет почтовой эксплуатации на проходящем в Дубае 28-м Конгрессе Всемирного почтового союза.");
    assert_eq!(e.kind, Kind::Meeting);
    let e = event(
        "ITU seminar in Tashkent\n\nThe ITU regional seminar on spectrum management opened in Tashkent on 12 March.",
    );
    assert_eq!(e.kind, Kind::Conference);
    let e = event("Соглашение парафировано\n\nРоссия и Узбекистан парафировали соглашение об обсерватории Майданак.");
    assert_eq!(e.kind, Kind::Agreement);
}

#[test]
fn a_headline_of_a_visit_makes_its_talks_the_programme() {
    let ru = event(
        "Министр цифрового развития Киргизии отправится в Казахстан с рабочим визитом\n\
         Во время поездки он проведет переговоры с министром и встретится с руководством Astana Hub.",
    );
    assert_eq!(ru.kind, Kind::Visit);
    let en = event(
        "Uzbek delegation studies Georgia's e-government services\n\n\
         From May 3 to May 6 a delegation from Uzbekistan was in Tbilisi, the embassy said.\n\n\
         On May 4 the guests held talks with the ministry and met officials of the agency.",
    );
    assert_eq!(en.kind, Kind::Visit, "a delegation heading the headline, its lead told by an embassy");
    let trip = event("Minister back from Beijing trip\nThe minister met his Chinese counterpart and held talks on 5G.");
    assert_eq!(trip.kind, Kind::Visit);
}

#[test]
fn a_visit_that_frames_the_headline_or_a_delegation_received_heads_no_visit() {
    let framed = event(
        "Во время визита президента в Казахстан прошла встреча министров связи\n\
         Министры обсудили строительство линии связи и провели переговоры.",
    );
    assert_eq!(framed.kind, Kind::Meeting);
    let received = event(
        "Ministry receives Japanese business delegation\n\
         The ministry held a meeting with a delegation of Japanese companies on data centres.",
    );
    assert_eq!(received.kind, Kind::Meeting);
    let signed = event("В рамках визита в Пекин подписан меморандум о сотрудничестве\nСтороны подписали меморандум о цифровой экономике.");
    assert_eq!(signed.kind, Kind::Agreement);
}

#[test]
fn words_said_somewhere_are_said_there() {
    let ru = event(
        "Новости связи\nРуководитель департамента Иван Петров сообщил в среду в Минске о новой сети передачи данных.",
    );
    assert_eq!(ru.place.unwrap().city.as_deref(), Some("Minsk"));
    let en = event("Telecom news\nThe minister said on Tuesday in Baku that the cable would be laid this year.");
    assert_eq!(en.place.unwrap().city.as_deref(), Some("Baku"));
    let told_after_quote = event(
        "Мы завершим прокладку кабеля по дну моря в этом году.\n\n\
         Об этом министр заявил в Ташкенте во время панельной дискуссии о транспортных коридорах.",
    );
    assert_eq!(told_after_quote.place.unwrap().city.as_deref(), Some("Tashkent"));
    let topic = event("Новости связи\nМинистр рассказал о сети в Минске и о планах на год.");
    assert!(topic.place.is_none_or(|p| p.city.is_none()), "the thing told of is not where it was told");
}

#[test]
fn a_relative_clause_dates_its_own_gathering() {
    let e = event(
        "Казахстан выдвинул кандидатуру в Совет почтовых операций Всемирного почтового союза на 2026-2029 годы.\n\
         Об этом сообщает сайт со ссылкой на «Казпочту».\n\
         Решение было принято на совещании, недавно проведенном в Астане в связи с предстоящим конгрессом ВПС, \
         который пройдет с 7 по 19 сентября в Дубае.",
    );
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Astana"));
}

#[test]
fn a_summit_organized_somewhere_dates_and_places_the_story() {
    let e = event(
        "Leaders noted the role of ICT\n\nUfa, July 9, 2015. - The minister took part in the session of leaders at the summit.\n\
         It was organized under the chairmanship of Russia from 8 to 10 July in Ufa.\n\
         Talks were held during visits to India on March 25, 2015.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2015-07-08");
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Ufa"));
}

#[test]
fn kind_words_inside_quoted_speech_name_no_event() {
    let e = event(
        "Об этом сообщает деловое издание.\n\
         «Со дня подписания соглашения оператор не выполнял своих обязательств по прокладке линии, поэтому правительство решило его заменить», — сказал министр.",
    );
    assert_eq!(e.kind, Kind::Statement);
}

#[test]
fn an_agreement_approved_or_in_force_is_no_signing() {
    let in_force = event(
        "Соглашение об информационной безопасности вступило в силу\n\
         Соглашение стран ОДКБ о сотрудничестве в области информационной безопасности вступило в силу.",
    );
    assert_eq!(in_force.kind, Kind::Other);
    let approved = event("Government approves draft memorandum on ICT with Kyrgyzstan\nThe cabinet approved the draft memorandum of understanding.");
    assert_eq!(approved.kind, Kind::Other);
    let signed =
        event("Министры подписали соглашение о связи\nСоглашение, одобренное правительствами, подписано в Баку.");
    assert_eq!(signed.kind, Kind::Agreement);
}

#[test]
fn a_day_a_thing_was_told_dates_the_statement() {
    let e = event(
        "Новости связи и цифровизации\n\
         Кандидат представил программу, с которой идет на выборы генерального секретаря союза.\n\
         Об этом замглавы министерства Анна Петрова рассказала корреспонденту агентства 20 сентября 2022 года на пресс-брифинге в МИД.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2022-09-20");
    assert_eq!(e.kind, Kind::Statement);
}

#[test]
fn bodies_named_as_the_framework_of_relations_are_mentions() {
    let e = event(
        "Belarus and China sign joint communique\n\n\
         MINSK, 22 August (BelTA) - The governments of Belarus and China signed a joint communique in Minsk on 22 August.\n\n\
         The document sets out cooperation in ICT. It calls for expanding interaction within the United Nations, the SCO and BRICS.",
    );
    assert!(e.orgs.is_empty(), "{:?}", e.orgs);
    let ru = event(
        "Министры Казахстана и Китая подписали меморандум\n\
         Министры связи двух стран подписали меморандум о сотрудничестве в Астане.\n\
         Стороны договорились развивать сотрудничество в рамках ООН и ШОС.",
    );
    assert!(ru.orgs.is_empty(), "{:?}", ru.orgs);
    let head =
        event("Сотрудничество в рамках ШОС обсудили в Пекине\nМинистры связи стран ШОС провели заседание в Пекине.");
    assert_eq!(head.orgs, ["SCO"]);
}

#[test]
fn what_happened_earlier_is_background() {
    let e = event(
        "Почта уведомила операторов о доставке\n\
         Национальный почтовый оператор России направил письма операторам стран Всемирного почтового союза.\n\
         Еще раньше почтовые операторы Польши, Германии и Чехии прекратили прием корреспонденции.",
    );
    assert_eq!(e.countries, ["RU"]);
    assert!(["CZ", "DE", "PL"].iter().all(|c| e.mentioned.countries.iter().any(|m| m == c)));
}

#[test]
fn a_currency_and_an_ambassadors_posting_name_no_party() {
    let money = event("Азербайджан готовит запуск спутника\nМинистерство связи Азербайджана оценило проект в 80 миллионов долларов США.");
    assert_eq!(money.countries, ["AZ"]);
    let dollars = event(
        "India funds a centre in Tajikistan\nThe Government of India allocated US$600,000 to the centre in Dushanbe.",
    );
    assert_eq!(dollars.countries, ["IN", "TJ"]);
    let envoy = event(
        "Kazakh envoy hands over credentials to UPU head\n\n\
         BERN - Ambassador of Kazakhstan to Switzerland Alibek Bakayev handed a letter to the Director General of the \
         Universal Postal Union. Since 1948 the UPU has served as the UN institute that regulates postal services.",
    );
    assert_eq!(envoy.countries, ["KZ"]);
    assert_eq!(envoy.orgs, ["UPU"]);
    let ru =
        event("Посол Казахстана в Швейцарии встретился с генеральным директором Всемирного почтового союза в Берне.");
    assert_eq!(ru.countries, ["KZ"]);
}

#[test]
fn background_names_no_kind() {
    let e = event(
        "Министерство запустило новый портал\n\
         Министерство цифрового развития запустило портал электронных услуг для граждан страны.\n\
         Напомним, в прошлом месяце министры провели встречу и переговоры в Астане.",
    );
    assert_eq!(e.kind, Kind::Other);
}

#[test]
fn a_video_address_and_words_before_their_speaker_are_statements() {
    let video = event(
        "Заместитель генсека обратился с видеоречью к участникам подфорума\n\
         Заместитель генерального секретаря ШОС обратился с видеоречью к участникам подфорума по цифровой экономике.",
    );
    assert_eq!(video.kind, Kind::Statement);
    let dash = event(
        "Интернет в стране не отключат, — глава министерства\n\
         Доступ к сети сохранится, поскольку у страны есть собственные каналы связи через соседние государства.",
    );
    assert_eq!(dash.kind, Kind::Statement);
}

#[test]
fn a_hyphenated_town_declines_its_last_part_only() {
    for (text, city) in [
        ("Заседание совета состоится 1 июля в Чолпон-Ате.", "Cholpon-Ata"),
        ("Министры встретились в Кара-Балте.", "Kara-Balta"),
    ] {
        assert_eq!(event(text).place.unwrap().city.as_deref(), Some(city), "{text}");
    }
}

#[test]
fn a_renamed_city_is_shown_by_its_current_name() {
    for text in ["Министры встретились в Улан-Баторе.", "The ministers met in Ulan Bator."]
    {
        assert_eq!(event(text).place.unwrap().city.as_deref(), Some("Ulaanbaatar"), "{text}");
    }
}

#[test]
fn a_guest_acquainted_with_a_place_was_there() {
    let e = event(
        "Спикер парламента ознакомился с работой предприятий в Душанбе\n\
         Спикер в рамках официального визита в Таджикистан посетил предприятие, которое занимается цифровизацией города.",
    );
    assert_eq!(e.place.unwrap().city.as_deref(), Some("Dushanbe"));
}

#[test]
fn a_press_club_session_is_a_briefing_and_talks_are_told_by_what_was_discussed() {
    let press = event(
        "Узбекистан запустит сети 5G в этом году\n\
         Об этом сегодня заявил заместитель министра в ходе заседания Международного пресс-клуба.",
    );
    assert_eq!(press.kind, Kind::Statement);
    let journalists = event("Министр провел встречу с журналистами и рассказал о планах по развитию связи.");
    assert_eq!(journalists.kind, Kind::Statement);
    // A source named after a comma is not the gathering's guests.
    let source = event("В Минске прошла конференция по цифровой экономике, сообщила пресс-служба министерства.");
    assert_eq!(source.kind, Kind::Conference);
    let talks = event(
        "МИД обсудил с послом Узбекистана работу оператора связи\n\
         Заместитель министра обсудил сегодня с послом ситуацию вокруг оператора, сообщили в ведомстве.",
    );
    assert_eq!(talks.kind, Kind::Meeting);
    let en = event("The deputy minister discussed with the ambassador of Kazakhstan the work of the mobile operator.");
    assert_eq!(en.kind, Kind::Meeting);
    let two = event("Глава Роскосмоса и посол Беларуси обсудили перспективы сотрудничества в космосе.");
    assert_eq!(two.kind, Kind::Meeting);
}

#[test]
fn relative_days_under_a_dateline_with_no_year_keep_its_day() {
    let today = event(
        "Ташкент, 20 февраля /Синьхуа/ -- Узбекистан запустит сети 5G. Об этом сегодня заявил заместитель министра.\n\
         Испытания сетей начались в сентябре 2019 года.",
    );
    assert_eq!(today.date.unwrap().to_string(), "--02-20");
    assert_eq!(today.date_source, Some(crate::model::DateSource::Relative));
    let yesterday = event("Ташкент, 1 марта /Синьхуа/ - Вчера министры провели переговоры о связи.");
    assert_eq!(yesterday.date.unwrap().to_string(), "--02-28");
}

#[test]
fn a_stance_on_talks_is_words_said() {
    let e = event(
        "Белоруссия готова завершить переговоры с Россией по отмене роуминга\n\
         Об этом агентству заявил глава Министерства связи Белоруссии.\n\
         Напомним, ранее по итогам переговоров в Полоцке стороны договорились подписать дорожную карту.",
    );
    assert_eq!(e.kind, Kind::Statement);
    let apart = event(
        "Белоруссия готова завершить с Россией переговоры об отмене роуминга\n\
         Об этом агентству заявил глава Министерства связи Белоруссии.",
    );
    assert_eq!(apart.kind, Kind::Statement, "the partner named between the stance and the talks");
    // A proposal voiced at a meeting: the meeting is where it was said.
    let at = event(
        "Кыргызстан попросил Корею поддержать проект\n\
         Такое предложение прозвучало на встрече спикера парламента с послом Южной Кореи.",
    );
    assert_eq!(at.kind, Kind::Meeting);
}

#[test]
fn a_hard_news_day_is_its_own_and_an_earlier_signing_is_background() {
    let e = event(
        "Kazakhstan's parliament approves ratifying agreement on space cooperation\n\n\
         ASTANA, June 29 (RIA Novosti) - Kazakhstan's lower house of parliament approved ratifying the Kazakh-Russian \
         agreement to create a telecommunications satellite.\n\n\
         \"The agreement sets the terms of the work,\" the minister said at a session of the Mazhilis.\n\n\
         Equipment for the satellite will be exempt from customs dues.\n\n\
         The satellite is to be launched in December.\n\n\
         The Kazakh-Russian interstate agreement was signed in Moscow on January 18.",
    );
    assert_eq!(e.date.unwrap().to_string(), "--06-29");
    assert_eq!(e.date_source, Some(crate::model::DateSource::Dateline));
    assert_eq!(e.kind, Kind::Other, "a legislature's vote on an agreement is an act at home");
    // A page with only a stamp may report weeks late: its dated signing is the story.
    let late = event(
        "Ministries sign a memorandum\n\n13 May 2024\n\nThe ministries handed over the equipment to the registry offices. \
         The memorandum was signed in Dushanbe on March 28.",
    );
    assert_eq!(late.date.unwrap().to_string(), "2024-03-28");
}

#[test]
fn a_visit_to_a_city_was_there() {
    let e = event(
        "Space agencies agree on a programme\n\n27 November 2013 | 12:21\n\n\
         The agencies of Kazakhstan and Russia agreed on a programme. The agreement was reached on a short visit of \
         the agency's head, Oleg Ostapenko, to Astana, Kazakhstan's capital city, November 26.",
    );
    let p = e.place.unwrap();
    assert_eq!((p.city.as_deref(), p.country.code()), (Some("Astana"), "KZ"));
}

#[test]
fn a_language_switcher_and_a_site_suffix_are_no_headline() {
    let menu = event(
        "Russian Belarusian Chinese (Simplified) English French German\n\n\
         Адрес: 213809 г. Бобруйск, ул. Пушкина, 215а\n\n\
         Телефон приемной: 8 (0225) 74-99-41\n\n\
         Беларусь заинтересована в новых проектах с Международным союзом электросвязи\n\n\
         Премьер-министр Беларуси заявил о заинтересованности на встрече с генеральным секретарем МСЭ.",
    );
    assert_eq!(menu.countries, ["BY"]);
    assert!(menu.title.as_deref().is_some_and(|t| t.starts_with("Беларусь заинтересована")), "{:?}", menu.title);
    assert!(menu.place.is_none());
    let suffix = event(
        "- Sputnik International\nRussia\nThe latest news and stories from Russia. Stay tuned for updates.\n\n\
         Kazakhstan's parliament approves ratifying agreement\n\nSubscribe\n\
         ASTANA, June 29 (RIA Novosti) - Kazakhstan's lower house of parliament approved the agreement.",
    );
    assert_eq!(suffix.title.as_deref(), Some("Kazakhstan's parliament approves ratifying agreement"));
}

#[test]
fn a_given_name_in_latin_letters_is_no_town() {
    let e = event(
        "After Kazakh President Nursultan Nazarbayev and Russian President Vladimir Putin held talks, the two \
         countries signed a concept of cooperation.",
    );
    assert!(e.place.is_none(), "{:?}", e.place);
    let town = event("The ministers met in Vladimir on Monday.");
    assert_eq!(town.place.unwrap().city.as_deref(), Some("Vladimir"));
}

#[test]
fn the_site_a_cooperation_concerns_is_no_venue() {
    let en = event(
        "Kazakhstan, Russia sign new cooperation agreement\n\n\
         ASTANA (TCA) — Kazakhstan and Russia signed a concept of cooperation at Kazakhstan’s Baikonur space launch \
         complex following talks between the presidents in St. Petersburg on December 26.\n\n\
         Earlier in December, the deputy prime minister visited Kazakhstan’s capital Astana and held talks there.",
    );
    assert_eq!(en.place.unwrap().city.as_deref(), Some("Saint Petersburg"));
    let ru = event(
        "Стороны подписали соглашение об использовании радиочастотного спектра на территории комплекса Байконур.",
    );
    assert!(ru.place.is_none(), "{:?}", ru.place);
    // Talks held at the site were held there.
    let there = event("Участники переговоров на космодроме Байконур обсудили создание ракетного комплекса.");
    assert_eq!(there.place.unwrap().city.as_deref(), Some("Baikonur"));
}

#[test]
fn bodies_of_the_region_are_known_and_their_names_hold_no_town() {
    let hub = event(
        "The international workshop on e-government took place on May 30-31, 2019 in Tashkent. It was co-organized \
         by the Astana Civil Service Hub and the Academy of Public Administration.",
    );
    assert_eq!(hub.orgs, ["ACSH"]);
    assert_eq!(hub.place.unwrap().city.as_deref(), Some("Tashkent"));
    let fund = event("Церемония гашения марок к 30-летию Международного фонда спасения Арала (МФСА) прошла в Душанбе.");
    assert_eq!(fund.orgs, ["IFAS"]);
    assert_eq!(fund.place.unwrap().city.as_deref(), Some("Dushanbe"));
    let centre = event(
        "Семинар организовали Азиатско-Тихоокеанский учебный центр по информационно-коммуникационным технологиям в \
         целях развития (АТЦИКТ) и министерство связи в Душанбе.",
    );
    assert!(centre.orgs.iter().any(|o| o == "APCICT"), "{:?}", centre.orgs);
}

#[test]
fn a_delegations_city_is_the_guests_and_the_visited_country_may_come_first() {
    let city = event(
        "Делегация Сочи посетила Узбекистан, чтобы изучить опыт развития IT-сферы\n\
         Делегация Сочи в составе бизнес-миссии края посетила Узбекистан, чтобы изучить опыт развития IT-сферы.",
    );
    assert_eq!(city.place.unwrap().country.code(), "UZ");
    let first = event(
        "29 мая Таджикистан с официальным визитом посетил первый вице-президент Ирана.\n\
         Стороны обсудили создание центра технологий.",
    );
    assert_eq!(first.place.unwrap().country.code(), "TJ");
    // A minister's country, or his adjective, before "посетил" is no destination.
    let adjective = event("Турецкий министр посетил освобожденный район Азербайджана.");
    assert_ne!(adjective.place.map(|p| p.country.code().to_string()).as_deref(), Some("TR"));
}

#[test]
fn a_law_signed_to_ratify_is_no_signing_and_a_credited_caption_no_headline() {
    let e = event(
        "Кыргызстан ратифицировал протокол ОДКБ о противодействии преступности в информационной сфере\n\n\
         Сооронбай Жээнбеков. Фото Кабар\n\
         Сооронбай Жээнбеков. Фото Кабар\n\n\
         12 марта, Бишкек /БЕЛТА - Кабар/. Президент Кыргызстана подписал закон «О ратификации Протокола о \
         взаимодействии государств - членов ОДКБ».",
    );
    assert_eq!(e.kind, Kind::Other);
    assert!(e.title.as_deref().is_some_and(|t| t.starts_with("Кыргызстан ратифицировал")), "{:?}", e.title);
    for text in [
        "Министры подписали указанное соглашение о сотрудничестве в Минске.",
        "The ministers signed billion-dollar agreements on telecom cooperation in Baku.",
    ] {
        assert_eq!(event(text).kind, Kind::Agreement, "{text}");
    }
}

#[test]
fn a_weekday_straight_after_the_verb_dates_wire_copy() {
    let e = event(
        " date 2018-12-05 Four states agree to set up an IT consortium\n\n\
         Azerbaijan, Turkey, Russia and Iran agreed Tuesday to set up a joint IT consortium, the ministry said.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2018-12-04");
    // A weekday that is no day of the news: "Black Friday" names a sale.
    let sale =
        event(" date 2018-12-05 Operators cut prices\n\nOperators announced Black Friday discounts on data plans.");
    assert_ne!(sale.date.map(|d| d.to_string()).as_deref(), Some("2018-11-30"));
}

#[test]
fn an_ordinal_day_set_off_by_a_hyphen() {
    let e = event(
        "RCC news\n\nOn the 19-th of September 2016 took place the first coordination meeting of the RCC in Moscow.",
    );
    assert_eq!(e.date.unwrap().to_string(), "2016-09-19");
    let range = event("RCC news\n\nOn the 21-st and 22-nd of May 2017 the RCC commission met in Minsk.");
    assert_eq!(range.date.unwrap().to_string(), "2017-05-21");
}

#[test]
fn a_gathering_of_a_bodys_member_states_has_the_body_take_part() {
    let e = event(
        "Операция против киберпреступности\n\nНа территории стран проводится операция \"Прокси\", сообщил министр. \
         Об этом он сказал журналистам после совещания министров внутренних дел государств-членов ОДКБ в Ереване.",
    );
    assert!(e.orgs.iter().any(|o| o == "CSTO"), "{:?}", e.orgs);
    // Membership alone is still a mention.
    let member =
        event("Министры связи Казахстана и Кыргызстана встретились в Бишкеке. Обе страны являются членами ОДКБ.");
    assert!(!member.orgs.iter().any(|o| o == "CSTO"), "{:?}", member.orgs);
}

#[test]
fn the_agencies_a_list_of_states_sends_take_part() {
    let e = event(
        "Конференция по информационной безопасности\n\n\
         В Минске 11-12 июля прошла международная конференция по информационной безопасности. \
         Среди гостей сотрудники профильных органов из шести государств, академий наук и вузов Беларуси, \
         России, Казахстана, Украины, Туркменистана и Азербайджана.",
    );
    assert_eq!(e.countries, ["AZ", "BY", "KZ", "RU", "TM", "UA"]);
}

#[test]
fn a_gathering_named_after_its_city_gives_the_venue() {
    for (text, city) in [
        (
            "Алиев: работа над кабелем по дну Каспия продолжается\n\nПрезидент Азербайджана Ильхам Алиев заявил на \
             Мюнхенской конференции по безопасности, что работа над кабелем продолжается.",
            "Munich",
        ),
        ("Министры связи выступили на Бакинском форуме по цифровому развитию.", "Baku"),
        ("Договор подписан в рамках Алматинского форума по безопасности.", "Almaty"),
        ("Документ о сотрудничестве в области связи подписан в ходе Ташкентского саммита.", "Tashkent"),
        ("Госсекретарь заявил об угрозах, выступая сегодня на X Московской конференции по безопасности.", "Moscow"),
        ("Министр выступил на 11-м Бакинском форуме по цифровому развитию.", "Baku"),
    ] {
        assert_eq!(event(text).place.and_then(|p| p.city).as_deref(), Some(city), "{text}");
    }
    // Named so, the gathering is not where this one happens.
    let other = event("Министры обсудили итоги Мюнхенской конференции по безопасности в Баку.");
    assert_ne!(other.place.and_then(|p| p.city).as_deref(), Some("Munich"));
}

#[test]
fn two_capitals_joined_as_parties_are_their_states() {
    let e = event(
        "Президент подписал директиву о сотрудничестве\n\n\
         Президент подписал 3 декабря директиву, которая предполагает развитие двусторонних отношений Минска с Пекином. \
         Органам управления, вовлеченным в сотрудничество с КНР, предстоит воплотить ее положения в жизнь.",
    );
    assert!(e.place.is_none(), "{:?}", e.place);
}

#[test]
fn a_located_city_wins_over_a_bare_one_in_the_same_sentence() {
    let e = event(
        "Проекты с Узбекистаном\n\nДелегация - гендиректор Иннополиса Ренат Халимов и мэр Иннополиса Руслан Шагалеев - встретились в Ташкенте с министром инновационного развития Узбекистана.",
    );
    assert_eq!(e.place.as_ref().and_then(|p| p.city.as_deref()), Some("Tashkent"));
    let e = event("Talks on data\n\nThe mayor of Innopolis and officials from Tashkent met in Samarkand on Monday.");
    assert_eq!(e.place.as_ref().and_then(|p| p.city.as_deref()), Some("Samarkand"));
}

#[test]
fn capitals_joined_as_parties_in_the_head_bring_their_states() {
    let e = event(
        "Москва и Пекин готовятся подписать соглашение по информационной безопасности\n\n\
         Страны обязуются не проводить кибератаки друг против друга.",
    );
    assert_eq!(e.countries, ["CN", "RU"]);
    let e =
        event("Cooperation of Minsk and Moscow in cybersecurity\n\nThe president said the two states must do more.");
    assert_eq!(e.countries, ["BY", "RU"]);
    // Two venues are not two parties: the host takes part as a host.
    let e = event("Форумы пройдут в Москве и Пекине\n\nВ мае в Москве и Пекине пройдут IT-форумы.");
    assert_ne!(e.countries, ["CN", "RU"]);
}

#[test]
fn a_trip_told_in_quoted_words_is_not_the_venue() {
    let e = event(
        "Президент Казахстана принял главу Роскосмоса\n\
         Президент Казахстана принял генерального директора Роскосмоса. Глава государства отметил важность \
         сотрудничества в космической сфере. «Буквально вчера завершился мой визит в Российскую Федерацию. \
         Оцениваю его как очень успешный», - сказал президент.",
    );
    assert_ne!(e.place.as_ref().map(|p| p.country.code()), Some("RU"), "{:?}", e.place);
}

#[test]
fn an_accessibility_panel_is_not_the_headline() {
    let e = event(
        "Выберите шрифт Arial Times New Roman\nИнтервал между буквами (Кернинг): Стандартный Средний Большой\n\
         Все новости /\nПрезидент заявил, что страна готова сотрудничать с ШОС в борьбе с кибератаками.\n",
    );
    let title = e.title.as_deref().unwrap_or("");
    assert!(!title.contains("шрифт") && !title.contains("новости"), "{title}");
}

#[test]
fn a_lake_region_in_the_genitive_is_not_a_town_named_like_its_first_part() {
    let e = event("Экономический форум официально открылся 14 августа на берегу Иссык-Куля.");
    assert_eq!(e.place.map(|p| p.country.code()), Some("KG"));
}

// A body named as the owner of an index, a ranking or the development goals does nothing in the
// event: the states are measured by its yardstick.
#[test]
fn a_bodys_index_or_goals_are_a_mention() {
    for text in [
        "Встреча спикеров в Астане\n\n27 августа в Астане спикеры парламентов Казахстана и Таджикистана обсудили цифровизацию. Казахстан готов поделиться опытом: по Индексу ООН страна на 24-м месте.",
        "Встреча спикеров в Астане\n\n27 августа в Астане спикеры парламентов Казахстана и Таджикистана обсудили цифровизацию. В рейтинге электронного правительства ООН Казахстан поднялся на 24-е место.",
        "Встреча спикеров в Астане\n\n27 августа в Астане спикеры парламентов Казахстана и Таджикистана обсудили цифровизацию ради Целей устойчивого развития ООН.",
        "Speakers meet in Astana\n\nOn 27 August the speakers of the parliaments of Kazakhstan and Tajikistan met in Astana to discuss digital government. Kazakhstan has risen in the United Nations' e-government assessment.",
        "Speakers meet in Astana\n\nOn 27 August the speakers of the parliaments of Kazakhstan and Tajikistan met in Astana to discuss digital government. Kazakhstan ranks 24th in the UN E-Government Development Index.",
        "Speakers meet in Astana\n\nOn 27 August the speakers of the parliaments of Kazakhstan and Tajikistan met in Astana to discuss satellites, a driver of the Sustainable Development Goals set out by the UN.",
    ] {
        let e = event(text);
        assert!(e.orgs.is_empty(), "{text}: {:?}", e.orgs);
        assert_eq!(e.mentioned.orgs, ["UN"], "{text}");
    }
    // So is a body named as what something is outside of.
    let e = event("Казахстан изменит соглашение с Францией\n\nПремьер-министр ответил на запрос депутатов о спутнике, созданном при содействии Франции в единственном государстве вне НАТО.");
    assert!(e.orgs.is_empty(), "{:?}", e.orgs);
    // The body at work stays: it presents its ranking, or its goals are the parties' own.
    for text in [
        "UN presents ranking in Astana\n\nOn 27 August the UN presented the e-government ranking in Astana with the government of Kazakhstan.",
        "Встреча в Бишкеке\n\n27 августа в Бишкеке министры стран ШОС обсудили пути достижения целей сотрудничества в рамках ШОС.",
    ] {
        let e = event(text);
        assert!(e.mentioned.orgs.is_empty(), "{text}: {:?}", e.mentioned.orgs);
        assert_eq!(e.orgs.len(), 1, "{text}: {:?}", e.orgs);
    }
}

// A year-less day on a page with no year takes the year of a date close to it in its own
// sentence; a year far from it is another time.
#[test]
fn a_year_less_day_takes_a_close_year_from_its_sentence() {
    for text in [
        "Chronicle of the Congress\n\nOn the 19th of September, the first coordination meeting of the RCC countries took place, dedicated to the 26th Congress of the Universal Postal Union (September 20 – October 7, 2016, Istanbul).",
        "Хроника конгресса\n\n19 сентября состоялось первое координационное совещание стран РСС, посвященное участию в 26-м Конгрессе Всемирного почтового союза (20 сентября – 7 октября 2016 года, Стамбул).",
    ] {
        assert_eq!(event(text).date, Some(EventDate::day(2016, 9, 19)), "{text}");
    }
    let e = event(
        "Хроника\n\n19 сентября состоялось совещание стран РСС по итогам соглашения, подписанного 7 октября 2011 года.",
    );
    assert_eq!(e.date, Some(EventDate::DayMonth { month: 9, day: 19 }));
}

// States listed as those attending, or as those the experts represent, take part.
#[test]
fn states_attending_or_represented_take_part() {
    for text in [
        "Summit in Minsk\n\nThe Connect CIS summit was held in Minsk on 26 November 2009.\nAttending the event were the Presidents of Belarus, Armenia, Kazakhstan, Kyrgyzstan and Tajikistan.",
        "Workshop in Ashgabat\n\nA national workshop on cyber security opened in Ashgabat on 11 November 2015.\nInternational experts representing Belarus, Kazakhstan, the United Kingdom and Turkmenistan gave an overview of the threats.",
    ] {
        let e = event(text);
        assert!(e.countries.len() >= 4 && e.countries.iter().any(|c| c == "KZ"), "{text}: {:?}", e.countries);
        assert!(e.mentioned.countries.is_empty(), "{text}: {:?}", e.mentioned.countries);
    }
}

// A city in Latin letters that opens a foreign company's name in a Russian sentence is no
// venue; in an English sentence a building named after its city still is.
#[test]
fn a_city_opening_a_foreign_name_in_a_russian_text_is_no_venue() {
    let e = event(
        "В столице Китая прошло третье заседание казахстанско-китайской рабочей группы по космосу.\n\n\
         Участие китайских компаний (China Great Wall Industries Corporation, Shanghai Engineering Centre for Microsatellites) \
         в конкурсе поддержали обе стороны и внесли в подписанный протокол.",
    );
    assert_eq!(place_of(&e), (Some("Beijing"), Some("CN")));
    let e = event("Forum in Baku\n\nThe forum was held at Baku Congress Center on 5 June 2024.");
    assert_eq!(place_of(&e), (Some("Baku"), Some("AZ")));
    // Guard: a gathering's Latin name names its city.
    let e =
        event("Открылся форум\n\n7 сентября открылся международный форум Kazan Digital Week, его посетили министры.");
    assert_eq!(place_of(&e), (Some("Kazan"), Some("RU")));
}

// An agreement "заключили" in the lead is a signing; "— заключил министр" ends a quotation.
#[test]
fn an_agreement_concluded_in_the_lead_is_a_signing() {
    let e = event(
        "Азербайджан и Турция договорились создать технопарк\n\n\
         Соглашение о создании совместного технопарка заключили министерства Турции и Азербайджана. Об этом сообщило министерство.\n\n\
         Министр встретился с турецким коллегой, прибывшим в Баку на фестиваль. Стороны обменялись мнениями о фестивале.",
    );
    assert_eq!(e.kind, Kind::Agreement);
    let e = event(
        "Министр о цифровизации\n\n\"Цифровизация идет по плану\", — заключил министр связи Казахстана в интервью агентству.",
    );
    assert_ne!(e.kind, Kind::Agreement);
}

// An award received or presented is the story, whatever gathering it was given at; an awards
// ceremony among a forum's parts is not.
#[test]
fn an_award_received_is_kind_other() {
    for text in [
        "Kazakhstan's e-government app wins in Dubai\n\nThe prestigious award for innovative solutions was received by Kazakhstan's e-Government application in Dubai. The ceremony took place within the World Government Summit 2017.",
        "Казахстан получил награду ООН\n\nКазахстан получил награду ООН за развитие электронного правительства на церемонии в рамках форума.",
    ] {
        assert_eq!(event(text).kind, Kind::Other, "{text}");
    }
    let e = event(
        "Internet forum in Bishkek\n\nThe 5th Central Asian Internet Governance Forum took place in Bishkek at the end of September, and its programme featured the Privacy Awards ceremony.",
    );
    assert_eq!(e.kind, Kind::Forum);
}

#[test]
fn cities_by_the_other_spellings_english_pages_use() {
    for (text, city) in [
        ("The forum opened in Brussel on 26 October 2033.", "Brussels"),
        ("The delegations held talks in Nizhny Novgorod on 3 May 2033.", "Nizhniy Novgorod"),
        ("The ministers met in Gomel on 5 May 2033.", "Homyel'"),
        ("The council met in Toshkent on 5 May 2033.", "Tashkent"),
        ("The summit was held in Ashgabad on 5 May 2033.", "Ashgabat"),
        // Venues of fairs, forums and launches far from the region's big cities.
        ("The forum opened in Hannover on 5 May 2033.", "Hannover"),
        ("Форум открылся 5 мая 2033 года в Тарту.", "Tartu"),
        ("The launch took place at Kourou on 5 May 2033.", "Kourou"),
    ] {
        assert_eq!(event(text).place.and_then(|p| p.city).as_deref(), Some(city), "{text}");
    }
}

#[test]
fn a_day_without_its_year_takes_the_year_it_is_printed_with_elsewhere() {
    let head =
        "Соглашение вступило в силу\n\nС 1 апреля в государствах ОДКБ вступило в силу соглашение об информационной \
                безопасности. Подробности сообщает ОДКБ на своем сайте.\n30 ноября 2031 г. на саммите ОДКБ в Минске \
                подписали соглашение.\n";
    let e = event(&format!(
        "{head}«1 апреля 2033 года начало действовать соглашение о сотрудничестве», – сообщается на сайте."
    ));
    assert_eq!(e.date.unwrap().to_string(), "2033-04-01");
    // Another day with a year leaves the year unknown.
    let e = event(&format!("{head}«2 апреля 2033 года соглашение опубликовали», – сообщается на сайте."));
    assert_eq!(e.date.unwrap().to_string(), "--04-01");
}

#[test]
fn a_region_is_where_a_gathering_was_unless_it_is_whose_someone_is() {
    let e = event("В Омской области 14 сентября 2033 года прошла конференция по информатизации.");
    assert_eq!(place_of(&e), (None, Some("RU")));
    let e = event("Заседание оргкомитета провели 10 октября 2033 года в Хорезмской области.");
    assert_eq!(place_of(&e), (None, Some("UZ")));
    // The region of the guest's office is where he comes from.
    let e = event(
        "Раис Татарстана Рустам Минниханов находится в Кыргызстане, где идёт экономический форум. \
         Форум открылся 14 августа 2033 года на берегу Иссык-Куля.",
    );
    assert_eq!(place_of(&e), (None, Some("KG")));
    let names: Vec<&str> = e.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Рустам Минниханов"]);
}

#[test]
fn a_town_that_is_a_given_name_before_a_surname_is_a_person() {
    let e =
        event("Вице-президент компании «Гарыш Сапары» Баглан Казиев принял участие в форуме в Баку 5 мая 2033 года.");
    assert_eq!(place_of(&e), (Some("Baku"), Some("AZ")));
}

#[test]
fn a_festival_that_began_its_work_somewhere_was_held_there() {
    let e =
        event("Молодёжный фестиваль «Цифровой Бум» начал работу 21 марта 2033 года в Алма-Ате во Дворце школьников.");
    assert_eq!(place_of(&e), (Some("Almaty"), Some("KZ")));
    let e = event("The youth technology festival was held on 21 March 2033 in Almaty.");
    assert_eq!(place_of(&e), (Some("Almaty"), Some("KZ")));
}

#[test]
fn a_ministry_the_text_ties_to_no_state_is_the_outlets_own() {
    let e = event(
        "Ташкент, Узбекистан (UzDaily.uz) -- 14 апреля в Министерстве по развитию информационных технологий \
         прошла встреча с директором Академии электронного управления Эстонии.",
    );
    assert_eq!(place_of(&e), (Some("Tashkent"), Some("UZ")));
    // A ministry named with its state stays that state's.
    let e = event(
        "Ташкент, Узбекистан (UzDaily.uz) -- 14 апреля в Министерстве связи Эстонии прошла встреча с делегацией.",
    );
    assert_eq!(place_of(&e).1, Some("EE"));
}
