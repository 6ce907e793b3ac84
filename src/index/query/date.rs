//! Dates in a query: `-30d` (before now), `2026-01-01` (a UTC day), `2026-01-01T10:00:00Z`.

use time::{Date, Month, PrimitiveDateTime, Time, UtcOffset};

use super::ast::DateValue;

/// The date `text` names, or None when it names none.
pub fn parse_date(text: &str) -> Option<DateValue> {
    if let Some(ago) = text.strip_prefix('-') {
        return parse_ago(ago).map(DateValue::Ago);
    }
    match text.split_once(['T', 't']) {
        None => Some(DateValue::Day(
            parse_day(text)?.midnight().assume_utc().unix_timestamp(),
        )),
        Some((day, rest)) => {
            let (clock, offset) = split_offset(rest)?;
            let at = PrimitiveDateTime::new(parse_day(day)?, parse_clock(clock)?);
            Some(DateValue::Instant(
                at.assume_offset(offset).unix_timestamp(),
            ))
        }
    }
}

/// `30d`, `4h`, `15m`, `2w`, `10s` in seconds.
fn parse_ago(text: &str) -> Option<i64> {
    let unit = text.chars().last()?;
    let number = &text[..text.len() - unit.len_utf8()];
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let seconds: i64 = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3_600,
        'd' => 86_400,
        'w' => 604_800,
        _ => return None,
    };
    number.parse::<i64>().ok()?.checked_mul(seconds)
}

fn parse_day(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let month = Month::try_from(number::<u8>(month)?).ok()?;
    Date::from_calendar_date(number(year)?, month, number(day)?).ok()
}

/// `10:00` or `10:00:00`.
fn parse_clock(text: &str) -> Option<Time> {
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() != 2) {
        return None;
    }
    let second = parts.get(2).map_or(Some(0), |s| number(s))?;
    Time::from_hms(number(parts[0])?, number(parts[1])?, second).ok()
}

/// The clock and its offset: `Z`, `+02:00`, `-05:00`, or nothing (UTC).
fn split_offset(text: &str) -> Option<(&str, UtcOffset)> {
    if let Some(clock) = text.strip_suffix(['Z', 'z']) {
        return Some((clock, UtcOffset::UTC));
    }
    match text.rfind(['+', '-']) {
        None => Some((text, UtcOffset::UTC)),
        Some(at) => {
            let (clock, offset) = text.split_at(at);
            let (sign, hhmm) = offset.split_at(1);
            let (hours, minutes) = hhmm.split_once(':')?;
            if hours.len() != 2 || minutes.len() != 2 {
                return None;
            }
            let (hours, minutes): (i8, i8) = (number(hours)?, number(minutes)?);
            let sign = if sign == "-" { -1 } else { 1 };
            Some((
                clock,
                UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()?,
            ))
        }
    }
}

fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates_count_back_in_seconds() {
        assert_eq!(parse_date("-30d"), Some(DateValue::Ago(30 * 86_400)));
        assert_eq!(parse_date("-4h"), Some(DateValue::Ago(4 * 3_600)));
        assert_eq!(parse_date("-15m"), Some(DateValue::Ago(900)));
        assert_eq!(parse_date("-2w"), Some(DateValue::Ago(2 * 604_800)));
        for bad in ["-d", "-30", "-30y", "-3.5d", "--3d", "-99999999999999999d"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_and_instants_are_utc_unless_an_offset_says_otherwise() {
        assert_eq!(
            parse_date("2026-01-01"),
            Some(DateValue::Day(1_767_225_600))
        );
        let ten = Some(DateValue::Instant(1_767_225_600 + 36_000));
        assert_eq!(parse_date("2026-01-01T10:00:00Z"), ten);
        assert_eq!(parse_date("2026-01-01T10:00"), ten);
        assert_eq!(parse_date("2026-01-01T12:00:00+02:00"), ten);
        assert_eq!(parse_date("2026-01-01T05:00:00-05:00"), ten);
        for bad in [
            "2026-13-01",
            "2026-02-30",
            "26-01-01",
            "2026-1-1",
            "2026-01-01T25:00Z",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
