//! Personal data, for the screen-share mode: which user attributes are personal, and how an
//! email, a phone number, an IP address or a name is masked (`a***@example.com`,
//! `+1 *** *** 4567`, `203.0.*.*`, `2001:db8::*`, `A***`): enough to recognise, not to copy. Free text and raw
//! JSON are masked by what their values look like, attributes also by their name.

use std::borrow::Cow;

use serde_json::Value;

/// Standard attributes (OpenID Connect claims) that describe a person: a judgement over
/// `pools::STANDARD_ATTRIBUTES`, not derived from it (`updated_at`, `locale` and the `_verified`
/// flags are not personal). `custom:` attributes are
/// the pool's own and mostly not personal (a plan, a tenant): an email or a phone number in one
/// is still masked by its look.
const PERSONAL: &[&str] = &[
    "email",
    "phone_number",
    "name",
    "given_name",
    "family_name",
    "middle_name",
    "nickname",
    "preferred_username",
    "address",
    "birthdate",
    "picture",
    "profile",
    "website",
];

/// Whether the attribute names something personal.
pub fn is_personal(attribute: &str) -> bool {
    PERSONAL.contains(&attribute)
}

/// An attribute's value as the screen-share mode draws it.
pub fn attribute(name: &str, value: &str) -> String {
    if name == "email" || name == "phone_number" {
        mask(value)
    } else if is_personal(name) {
        self::value(value)
    } else {
        text(value).into_owned()
    }
}

/// A personal value whose attribute is not known: an address or a number by its look, anything
/// else (a name) by its first letter; empty stays empty.
pub fn value(value: &str) -> String {
    if value.is_empty() {
        String::new()
    } else if value.contains('@') || value.starts_with('+') {
        mask(value)
    } else {
        let first: String = value.chars().take(1).collect();
        format!("{first}***")
    }
}

/// `a***@example.com`, `+1 *** *** 4567`: enough to recognise, not to copy.
pub fn mask(value: &str) -> String {
    if let Some((local, domain)) = value.split_once('@') {
        let first: String = local.chars().take(1).collect();
        return format!("{first}***@{domain}");
    }
    let digits: Vec<char> = value.chars().filter(char::is_ascii_digit).collect();
    if digits.len() > 4 {
        let last: String = digits[digits.len() - 4..].iter().collect();
        let plus = if value.starts_with('+') { "+" } else { "" };
        let lead: String = digits
            .iter()
            .take(digits.len().saturating_sub(10).max(1))
            .collect();
        return format!("{plus}{lead} *** *** {last}");
    }
    "***".to_owned()
}

/// Characters of an address's local part and of a domain, as far as masking needs to tell.
fn in_local(c: char) -> bool {
    c.is_alphanumeric() || "._%+-'".contains(c)
}

fn in_domain(c: char) -> bool {
    c.is_alphanumeric() || ".-".contains(c)
}

/// Each email address, E.164 phone number (`+` and 8 to 15 digits) and IPv4 or IPv6 address in
/// `text` masked; the rest as it is. Text with none is borrowed.
pub fn text(text: &str) -> Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    let hits = found(&chars);
    if hits.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for hit in hits {
        out.extend(&chars[at..hit.start]);
        out.push_str(&hit.masked);
        at = hit.end;
    }
    out.extend(&chars[at..]);
    Cow::Owned(out)
}

/// A personal value in a text: `chars[start..end]`, and its mask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub masked: String,
}

/// The personal values in `chars`, in order, none overlapping.
pub fn found(chars: &[char]) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let before = i.checked_sub(1).map(|b| chars[b]);
        let taken = hits.last().map_or(0, |h| h.end);
        match found_at(chars, i, before) {
            Some(hit) if hit.start >= taken => {
                i = hit.end;
                hits.push(hit);
            }
            _ => i += 1,
        }
    }
    hits
}

/// A personal value found at `i` (for an address: at its `@`, the local part before it).
fn found_at(chars: &[char], i: usize, before: Option<char>) -> Option<Hit> {
    let word_before = before.is_some_and(|c| c.is_ascii_alphanumeric());
    let (start, end) = match chars[i] {
        '@' => {
            let local = chars[..i]
                .iter()
                .rev()
                .take_while(|&&c| in_local(c))
                .count();
            let domain = chars[i + 1..].iter().take_while(|&&c| in_domain(c)).count();
            if local == 0 || domain == 0 {
                return None;
            }
            (i - local, i + 1 + domain)
        }
        '+' if !word_before => {
            let digits = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let next = chars.get(i + 1 + digits);
            if !(8..=15).contains(&digits) || next.is_some_and(char::is_ascii_alphanumeric) {
                return None;
            }
            (i, i + 1 + digits)
        }
        // After `/`: a URL's host, a server and not a person.
        // After `:`, an IPv4 address may end an IPv6 one (`::ffff:203.0.113.5`).
        c if (c.is_ascii_hexdigit() || c == ':')
            && !word_before
            && !matches!(before, Some('.' | '/')) =>
        {
            // After `:` only when a key ends there (`ip:2001:db8::1`), not a group of one.
            let group_before = i
                .checked_sub(2)
                .is_some_and(|b| chars[b].is_ascii_hexdigit() || chars[b] == ':');
            let inside = before == Some(':') && group_before;
            let v4 = || ipv4_at(chars, i);
            let v6 = || (!inside).then(|| ipv6_at(chars, i)).flatten();
            let (end, masked) = v4().or_else(v6)?;
            return Some(Hit {
                start: i,
                end,
                masked,
            });
        }
        _ => return None,
    };
    let value: String = chars[start..end].iter().collect();
    Some(Hit {
        start,
        end,
        masked: mask(&value),
    })
}

/// `203.0.113.158` → `203.0.*.*`: the network, not the host.
fn ipv4_at(chars: &[char], i: usize) -> Option<(usize, String)> {
    let mut octets = Vec::new();
    let mut j = i;
    for n in 0..4 {
        let digits = chars[j..]
            .iter()
            .take(3)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits == 0 {
            return None;
        }
        octets.push(chars[j..j + digits].iter().collect::<String>());
        j += digits;
        if n < 3 {
            if chars.get(j) != Some(&'.') {
                return None;
            }
            j += 1;
        }
    }
    if chars
        .get(j)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '.')
    {
        return None;
    }
    Some((j, format!("{}.{}.*.*", octets[0], octets[1])))
}

/// `text` with each personal value starred character for character (see `starred`): for a text
/// field that scrolls, where only part of a value may be in view and the cursor must stay where
/// it is. Text with none is borrowed.
pub fn in_place(text: &str) -> Cow<'_, str> {
    let mut chars: Vec<char> = text.chars().collect();
    let hits = found(&chars);
    if hits.is_empty() {
        return Cow::Borrowed(text);
    }
    for hit in hits {
        let starred = starred(&chars[hit.start..hit.end], &hit.masked);
        chars.splice(hit.start..hit.end, starred);
    }
    Cow::Owned(chars.into_iter().collect())
}

/// A value starred in place, as many characters as it has: an IP address keeps what its mask
/// keeps (the network: `203.0.***.***`); an email its first letter, `@` and domain; a phone
/// number its first digit and last four; punctuation stays.
pub fn starred(value: &[char], masked: &str) -> Vec<char> {
    if !value.contains(&'@') && value.first() != Some(&'+') {
        let network = value
            .iter()
            .zip(masked.chars())
            .take_while(|(v, m)| **v == *m)
            .count();
        return value
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                if i < network || !c.is_ascii_hexdigit() {
                    c
                } else {
                    '*'
                }
            })
            .collect();
    }
    let first = value.iter().position(|c| c.is_alphanumeric()).unwrap_or(0);
    let kept = value
        .iter()
        .position(|&c| c == '@')
        .unwrap_or(value.len().saturating_sub(4));
    value
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if i <= first || i >= kept || !c.is_alphanumeric() {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// `2001:db8:85a3::8a2e:370:7334` → `2001:db8::*`: the provider's prefix, not the host. Eight
/// groups, or fewer with one `::`; a time (`06:31:05`), a MAC address or an ARN is none.
fn ipv6_at(chars: &[char], i: usize) -> Option<(usize, String)> {
    let len = chars[i..]
        .iter()
        .take(39)
        .take_while(|c| c.is_ascii_hexdigit() || **c == ':')
        .count();
    // Up to the last group that ends in a hex digit, or a trailing `::`.
    let text: String = chars[i..i + len].iter().collect();
    let text = if text.ends_with("::") {
        text.as_str()
    } else {
        text.trim_end_matches(':')
    };
    let end = i + text.chars().count();
    // A word goes on, or an IPv4 address ends it (`::ffff:203.0.113.5`, masked by itself).
    let dotted =
        chars.get(end) == Some(&'.') && chars.get(end + 1).is_some_and(char::is_ascii_digit);
    if dotted
        || chars
            .get(end)
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
    {
        return None;
    }
    let groups: Vec<&str> = text.split(':').collect();
    let compressed = text.matches("::").count();
    let valid = groups.iter().all(|g| g.len() <= 4)
        && !text.contains(":::")
        && match compressed {
            0 => groups.len() == 8 && groups.iter().all(|g| !g.is_empty()),
            1 => groups.len() <= 8 && groups.iter().any(|g| !g.is_empty()),
            _ => false,
        };
    if !valid {
        return None;
    }
    let prefix: Vec<&str> = text.split("::").next()?.split(':').take(2).collect();
    let prefix = prefix.join(":");
    Some((end, format!("{prefix}::*")))
}

/// A raw answer masked in place: a user's attributes by their name (`{"Name": "given_name",
/// "Value": "Ann"}`), every other string by its look.
pub fn json(value: &mut Value) {
    match value {
        Value::Object(members) => {
            let name = members
                .get("Name")
                .and_then(Value::as_str)
                .map(str::to_owned);
            for (key, member) in members.iter_mut() {
                match (key.as_str(), &name, member) {
                    ("Value", Some(name), Value::String(v)) => *v = attribute(name, v),
                    (_, _, Value::String(v)) => {
                        if let Cow::Owned(masked) = text(v) {
                            *v = masked;
                        }
                    }
                    (_, _, member) => json(member),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(json),
        Value::String(v) => {
            if let Cow::Owned(masked) = text(v) {
                *v = masked;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
#[path = "personal_tests.rs"]
mod tests;
