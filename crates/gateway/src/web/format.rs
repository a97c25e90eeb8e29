//! Dates, times and numbers as people in Switzerland write them: day
//! first with dots, times on the 24-hour clock in Swiss local time, and
//! thousands grouped with an apostrophe (de, it) or a narrow space (fr).

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Zurich;
use iiz_domain::Language;

/// `06.12.2026` in every language.
pub fn date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// `06.12.2026, 14:30` in Swiss local time.
pub fn date_time(instant: DateTime<Utc>) -> String {
    instant
        .with_timezone(&Zurich)
        .format("%d.%m.%Y, %H:%M")
        .to_string()
}

/// `100’000` (de, it) or `100 000` with a narrow no-break space (fr).
pub fn number(value: u64, language: Language) -> String {
    let separator = match language {
        Language::Fr => '\u{202f}',
        Language::De | Language::It | Language::Rm => '’',
    };
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// A share as a whole percentage: `42 %` (with a no-break space in fr),
/// `42%` (de, it).
pub fn percent(part: u64, whole: u64, language: Language) -> String {
    // No share of nothing: 0 %.
    let value = (part * 100 + whole / 2).checked_div(whole).unwrap_or(0);
    match language {
        Language::Fr => format!("{value}\u{a0}%"),
        Language::De | Language::It | Language::Rm => format!("{value}%"),
    }
}

/// A person's name as the pages show it: a forgotten person (whose name the
/// read models hold as [`iiz_projections::ERASED_NAME`]) in the visitor's
/// language.
pub fn person_name(tr: crate::web::i18n::Tr, name: String) -> String {
    if name == iiz_projections::ERASED_NAME {
        tr.t("web-erased-person")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn dates_are_day_first_with_dots_in_swiss_time() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap_or_default();
        assert_eq!(date(day), "05.03.2026");
        // 23:30 UTC in winter is already the next day in Zurich.
        let late = Utc.with_ymd_and_hms(2026, 12, 6, 23, 30, 0).unwrap();
        assert_eq!(date_time(late), "07.12.2026, 00:30");
        // Summer time: UTC+2.
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap();
        assert_eq!(date_time(summer), "01.07.2026, 14:00");
    }

    #[test]
    fn thousands_are_grouped_the_swiss_way() {
        assert_eq!(number(0, Language::De), "0");
        assert_eq!(number(999, Language::De), "999");
        assert_eq!(number(100_000, Language::De), "100’000");
        assert_eq!(number(1_234_567, Language::It), "1’234’567");
        assert_eq!(number(100_000, Language::Fr), "100\u{202f}000");
        assert_eq!(percent(1, 3, Language::De), "33%");
        assert_eq!(percent(2, 3, Language::Fr), "67\u{a0}%");
        assert_eq!(percent(0, 0, Language::It), "0%");
    }
}
