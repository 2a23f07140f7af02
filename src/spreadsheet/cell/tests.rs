//! Cells as offices write them: normalisation, dates, yes/no answers and workbook values.

use super::*;

mod dates {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: Option<&str>) {
        let expected = expected.map(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").unwrap());
        assert_eq!(parse_date(&normalise(text)), expected, "{text}");
    }

    #[test]
    fn every_office_style() {
        case("2021-08-31", Some("2021-08-31"));
        case("2021/8/31", Some("2021-08-31"));
        case("2021.8.31", Some("2021-08-31"));
        case("2021年8月31日", Some("2021-08-31"));
        case("2021年08月01日", Some("2021-08-01"));
        case("2021年8月31", Some("2021-08-31"));
        case("20210831", Some("2021-08-31"));
        case("２０２１．８．３１", Some("2021-08-31"));
        case("\u{3000}2021-8-1 ", Some("2021-08-01"));
        case("2021/8/31 0:00", Some("2021-08-31"));
        case("2021-08-31 14:30:00", Some("2021-08-31"));
        case("2021-08-31 14:30:00.000", Some("2021-08-31"));
        case("2020-02-29", Some("2020-02-29"));
    }

    #[test]
    fn hao_for_the_day() {
        case("2021年3月5号", Some("2021-03-05"));
        case("2021年12月31号", Some("2021-12-31"));
        case("２０２１年３月５号", Some("2021-03-05"));
    }

    #[test]
    fn iso_date_times() {
        case("2021-03-05T00:00:00", Some("2021-03-05"));
        case("2021-03-05T23:59", Some("2021-03-05"));
        case("2021-03-05T00:00:00.000", Some("2021-03-05"));
        case("2021-03-05T00:00:00.123456789", Some("2021-03-05"));
        case("2021-03-05T00:00:00Z", Some("2021-03-05"));
        case("2021-03-05T00:00:00.000Z", Some("2021-03-05"));
        case("2021-03-05T08:00:00+08:00", Some("2021-03-05"));
        case("2021-03-05T08:00:00+0800", Some("2021-03-05"));
        case("2021-03-05T08:00:00+08", Some("2021-03-05"));
        case("2021-03-05T20:00:00-05:00", Some("2021-03-05"));
        case("2021-03-05 08:00:00+08:00", Some("2021-03-05"));
    }

    #[test]
    fn chinese_numerals() {
        case("二〇二一年三月五日", Some("2021-03-05"));
        case("二零二一年十二月三十一日", Some("2021-12-31"));
        case("二○二一年十月十日", Some("2021-10-10"));
        case("二〇二一年三月五号", Some("2021-03-05"));
        case("二〇二〇年二月二十九日", Some("2020-02-29"));
        case("二〇二一年十一月二十日", Some("2021-11-20"));
        case("二〇二一年一月二十一日", Some("2021-01-21"));
        case("二〇二一年八月三十日", Some("2021-08-30"));
        case("一九九九年九月九日", Some("1999-09-09"));
        case("二〇二一年三月五", Some("2021-03-05"));
        // Mixed forms are unambiguous too.
        case("2021年三月五日", Some("2021-03-05"));
        case("二〇二一年3月5日", Some("2021-03-05"));
        // Too many numerals for a year, however many: never a number that overflows.
        case("二〇二一二〇二一二〇二一年3月5日", None);
        case("二〇二一年〇三月五日", None);
    }

    #[test]
    fn non_dates_are_rejected() {
        case("2021-13-45", None);
        case("2021-02-29", None);
        case("2021-8", None);
        case("2021/8-31", None);
        case("8/31/2021", None);
        case("2021083", None);
        case("202108311", None);
        case("2021-08-31 noon", None);
        case("2021-08-31 25:00", None);
        case("2021-08-31 14:30.5", None);
        case("0021-08-31", None);
        case("昨天", None);
        case("44439", None); // a serial number is only a date inside a workbook
        case("2021-1-2-3", None);
    }

    #[test]
    fn a_missing_or_short_year_is_never_guessed() {
        case("3月5日", None);
        case("三月五日", None);
        case("21年3月5日", None);
        case("二一年三月五日", None);
        case("21-3-5", None);
        case("21-8-31", None);
        case("21/3/5", None);
        case("210305", None);
        case("年3月5日", None);
    }

    #[test]
    fn malformed_iso_and_numerals_are_rejected() {
        case("2021-03-05T", None);
        case("2021-03-05T00", None);
        case("2021-03-05T24:00:00", None);
        case("2021-03-05T00:00:00+25:00", None);
        case("2021-03-05T00:00:00+8", None);
        case("2021-03-05T00:00.5", None);
        case("2021-03-05T00:00:00.", None);
        case("2021-03-05T00:00:00ZZ", None);
        case("2021/3/5T00:00:00", None);
        case("2021年3月5日T00:00", None);
        case("二〇二一年十三月一日", None);
        case("二〇二一年二月三十日", None);
        case("二〇二一年三月三十二日", None);
        case("二〇二一年三月〇五日", None);
        case("二〇二一年三月一十日", None);
        case("二〇二一年三月十十日", None);
        case("二〇二一年三月五五日", None);
        case("二〇二一年零月五日", None);
        case("二〇二一〇年三月五日", None);
        case("2021年3月5日号", None);
    }
}

mod booleans {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: Option<bool>) {
        assert_eq!(parse_bool(&normalise(text)), expected, "{text}");
    }

    #[track_caller]
    fn noted(text: &str, appearance: bool, expected: Option<(bool, Option<&str>)>) {
        let expected = expected.map(|(value, note)| YesNo {
            value,
            note: note.map(str::to_owned),
        });
        assert_eq!(
            parse_yes_no(&normalise(text), appearance),
            expected,
            "{text} (appearance: {appearance})"
        );
    }

    #[test]
    fn plain_yes_and_no() {
        for yes in ["是", "有", "Y", "y", "Yes", "TRUE", "1", "√", "１"] {
            case(yes, Some(true));
            noted(yes, false, Some((true, None)));
        }
        for no in ["否", "无", "N", "no", "False", "0", "×", "X"] {
            case(no, Some(false));
            noted(no, true, Some((false, None)));
        }
        case("可能", None);
        case("2", None);
        case("是（正职）", None); // a note is only read by parse_yes_no
    }

    #[test]
    fn notes_in_brackets() {
        noted("是（正职）", false, Some((true, Some("正职"))));
        noted("否（委托律师）", false, Some((false, Some("委托律师"))));
        noted("是(副职)", false, Some((true, Some("副职"))));
        noted("是【分管】", false, Some((true, Some("分管"))));
        noted("是[分管]", false, Some((true, Some("分管"))));
        noted("是［分管］", false, Some((true, Some("分管"))));
        noted(
            "是 （ 常务副县长 ）",
            false,
            Some((true, Some("常务副县长"))),
        );
        noted("Y(正职)", false, Some((true, Some("正职"))));
        noted("是()", false, Some((true, None)));
        noted("是（正职）（兼）", false, None);
    }

    #[test]
    fn appearance_words_only_for_appearance_columns() {
        for yes in ["已出庭", "出庭", "到庭", "已到庭"] {
            noted(yes, true, Some((true, None)));
            noted(yes, false, None);
        }
        for no in ["未出庭", "不出庭", "未到庭"] {
            noted(no, true, Some((false, None)));
            noted(no, false, None);
        }
        noted("出庭（副县长）", true, Some((true, Some("副县长"))));
        noted("未出庭(委托律师)", true, Some((false, Some("委托律师"))));
    }

    #[test]
    fn what_is_not_yes_or_no() {
        noted("可能", true, None);
        noted("（正职）", false, None);
        noted("是（正职", false, None);
        noted("是正职）", false, None);
        noted("是】", false, None);
        noted("是（正职】", false, None);
        noted("是（正职）说明", false, None);
        noted("出庭了", true, None);
    }
}

#[test]
fn workbook_cells() {
    assert_eq!(
        excel_serial_date(44_439.0),
        NaiveDate::from_ymd_opt(2021, 8, 31)
    );
    assert_eq!(
        excel_serial_date(44_439.75),
        NaiveDate::from_ymd_opt(2021, 8, 31)
    );
    assert_eq!(excel_serial_date(61.0), NaiveDate::from_ymd_opt(1900, 3, 1));
    assert_eq!(excel_serial_date(15.0), None);
    assert_eq!(excel_serial_date(1e9), None);
    assert_eq!(Cell::Number(2021.0).text(), "2021");
    assert_eq!(Cell::Number(12.5).text(), "12.5");
    assert_eq!(Cell::Bool(true).text(), "是");
    assert!(Cell::Text("\u{3000} ".into()).is_blank());
    assert!(is_scientific_notation("1.20211E+11"));
    assert!(is_scientific_notation("3e5"));
    assert!(!is_scientific_notation("黔南府复E+1号"));
    assert!(!is_scientific_notation("E+11"));
    assert!(!is_scientific_notation("(2021)黔27行初15号"));
}

#[test]
fn normalises_width_and_space() {
    assert_eq!(
        normalise("\u{3000} （２０２１）黔27行初１５号 "),
        "(2021)黔27行初15号"
    );
    assert_eq!(normalise("行政处罚，罚款"), "行政处罚，罚款");
}

#[test]
fn the_quick_trim_trims_like_str_trim() {
    // Every character `char::is_whitespace` takes, and neighbours of their encodings:
    // CJK text, full-width forms, brackets, the C2/E1/E2/E3 lead bytes' other characters.
    let whitespace: Vec<char> = (0..=0x3000u32)
        .filter_map(char::from_u32)
        .filter(|c| c.is_whitespace())
        .collect();
    assert_eq!(whitespace.len(), 25, "Unicode's White_Space below U+3001");
    let others = [
        'a',
        '1',
        '#',
        '\u{1f}',
        '\u{a1}',
        '\u{1681}',
        '\u{2010}',
        '\u{2060}',
        '〔',
        '〕',
        '\u{3001}',
        '都',
        '号',
        '２',
        'é',
        '\u{1f600}',
    ];
    let alphabet: Vec<char> = whitespace.iter().chain(&others).copied().collect();
    let mut checked = 0;
    for a in &alphabet {
        for b in &others {
            for c in &alphabet {
                let text: String = [*a, *b, *c].iter().collect();
                assert_eq!(trim(&text), text.trim(), "{text:?}");
                let text: String = [*b, *a, *c].iter().collect();
                assert_eq!(trim(&text), text.trim(), "{text:?}");
                checked += 2;
            }
        }
    }
    assert_eq!(checked, 2 * alphabet.len() * others.len() * alphabet.len());
    assert_eq!(trim(""), "");
}

#[test]
fn the_quick_path_of_normalise_maps_like_the_full_one() {
    let alphabet = [
        'a', '1', ' ', '\u{3000}', '２', 'Ｚ', '都', '〔', '（', '－', '：', '年', '，', '、', 'ｦ',
    ];
    let mut checked = 0;
    for a in alphabet {
        for b in alphabet {
            for c in alphabet {
                for d in alphabet {
                    let text: String = [a, b, c, d].iter().collect();
                    assert_eq!(normalise(&text), half_width(text.trim()), "{text:?}");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, alphabet.len().pow(4));
}

mod placeholders {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: bool) {
        assert_eq!(is_placeholder(&normalise(text)), expected, "{text}");
    }

    #[test]
    fn slashes_dashes_and_words_for_nothing_yet() {
        for text in ["/", "-", "—", "——", "－", "／", "\\", " / ", "–"] {
            case(text, true);
        }
        for text in [
            "无",
            "暂无",
            "未开庭",
            "不开庭审理",
            "书面审理",
            "审理中",
            "在审",
        ] {
            case(text, true);
        }
        for text in ["尚未判决", "待判", "未结", "未结案", "\u{3000}审理中 "] {
            case(text, true);
        }
    }

    #[test]
    fn values_are_not_placeholders() {
        for text in [
            "",
            "2021-08-31",
            "一审",
            "驳回诉讼请求",
            "是",
            "否",
            "未出庭",
            "-1",
        ] {
            case(text, false);
        }
        // A placeholder inside a longer text is that text, not a placeholder.
        case("审理中（已开庭）", false);
    }
}

mod several_dates {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: Option<(&str, &str)>) {
        let got = first_of_several_dates(text).map(|(d, rest)| (iso(d), rest.to_owned()));
        let expected = expected.map(|(d, rest)| (d.to_owned(), rest.to_owned()));
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn the_first_date_and_the_rest_as_written() {
        case("2021年10月18日、11月9日", Some(("2021-10-18", "11月9日")));
        case("2021-10-18，2021-11-09", Some(("2021-10-18", "2021-11-09")));
        case(
            "2021.3.5；2021.4.2、5.7",
            Some(("2021-03-05", "2021.4.2、5.7")),
        );
        case("2021年3月5日及4月2日", Some(("2021-03-05", "4月2日")));
    }

    #[test]
    fn one_date_or_none_is_not_several() {
        case("2021-10-18", None);
        case("2021-10-18、", None);
        case("10月18日、11月9日", None);
        case("未开庭、待定", None);
    }
}
