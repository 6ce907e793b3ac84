//! Reading operation inputs: required and optional members. `shapes::check` has already refused
//! a request that breaks the model's types or constraints; what is left here is reading.

use serde_json::{Map, Value};

use super::error::{LocalError, LocalResult};
use super::validation::{Shown, invalid, member as aws_member};
use crate::cognito::constraints::Constraint;

/// A required string member (`UserPoolId`). The model's required members never arrive missing;
/// one an operation needs beyond the model is refused in the same words.
pub fn required_str<'a>(input: &'a Value, member: &str) -> LocalResult<&'a str> {
    optional_str(input, member)?.ok_or_else(|| missing(member))
}

fn missing(member: &str) -> LocalError {
    invalid(&Shown::Null, &aws_member(member), &Constraint::NotNull)
}

pub fn optional_str<'a>(input: &'a Value, member: &str) -> LocalResult<Option<&'a str>> {
    match input.get(member) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(serialization(member)),
    }
}

pub fn optional_i64(input: &Value, member: &str) -> LocalResult<Option<i64>> {
    match input.get(member) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_i64().map(Some).ok_or_else(|| serialization(member)),
    }
}

/// A page size: absent is `max` (the model's range was checked on the way in).
pub fn page_limit(input: &Value, member: &str, max: usize) -> LocalResult<usize> {
    Ok(optional_i64(input, member)?.map_or(max, |n| usize::try_from(n).unwrap_or(0).min(max)))
}

/// A map of strings (`ProviderDetails`, `UserPoolTags`); absent or null is `None`.
pub fn optional_map(input: &Value, member: &str) -> LocalResult<Option<Map<String, Value>>> {
    match input.get(member) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(map)) if map.values().all(Value::is_string) => Ok(Some(map.clone())),
        Some(_) => Err(serialization(member)),
    }
}

/// A required map of strings; missing is refused like a missing string.
pub fn required_map(input: &Value, member: &str) -> LocalResult<Map<String, Value>> {
    optional_map(input, member)?.ok_or_else(|| missing(member))
}

/// A list of strings (`IdpIdentifiers`, `TagKeys`); absent or null is `None`.
pub fn optional_strings(input: &Value, member: &str) -> LocalResult<Option<Vec<String>>> {
    match input.get(member) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(list)) => list
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| serialization(member))
            })
            .collect::<LocalResult<Vec<_>>>()
            .map(Some),
        Some(_) => Err(serialization(member)),
    }
}

/// One more row than the page holds, as SQL wants it: the extra row says another page follows.
pub fn fetch_limit(limit: usize) -> i64 {
    i64::try_from(limit).map_or(i64::MAX, |n| n.saturating_add(1))
}

/// `[{"Name": .., "Value": ..}]` as pairs.
pub fn attributes(input: &Value, member: &str) -> LocalResult<Vec<(String, String)>> {
    let Some(list) = input.get(member).filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let list = list.as_array().ok_or_else(|| serialization(member))?;
    list.iter()
        .map(|item| {
            let name = required_str(item, "Name")?;
            let value = optional_str(item, "Value")?.unwrap_or_default();
            Ok((name.to_owned(), value.to_owned()))
        })
        .collect()
}

fn serialization(member: &str) -> LocalError {
    LocalError::new(
        "SerializationException",
        format!("Unexpected type for member {member}"),
    )
}

/// Opaque page tokens: the key of the last item returned, hex-encoded under a kind tag.
pub fn encode_token(kind: &str, key: &str) -> String {
    super::ids::hex(format!("{kind}:{key}").as_bytes())
}

/// Where a page starts: after the key its token (in `member`) names; empty for the first page.
pub fn page_start(input: &Value, member: &str, kind: &str) -> LocalResult<String> {
    Ok(optional_str(input, member)?
        .map(|t| decode_token(kind, t))
        .transpose()?
        .unwrap_or_default())
}

/// Sets `member` of `out` to the next page's token when more than `limit` keys were fetched.
/// A page of none (`limit` 0) gets no token: one after no key would skip the first.
pub fn set_next_token<K: AsRef<str>>(
    out: &mut Value,
    member: &str,
    kind: &str,
    keys: &[K],
    limit: usize,
) {
    if keys.len() > limit
        && let Some(last) = limit.checked_sub(1).and_then(|i| keys.get(i))
    {
        out[member] = Value::String(encode_token(kind, last.as_ref()));
    }
}

/// The key a token encodes, if it is a token of this kind.
pub fn decode_token(kind: &str, token: &str) -> LocalResult<String> {
    let invalid = || LocalError::invalid_parameter("Invalid pagination token.");
    if !token.len().is_multiple_of(2) {
        return Err(invalid());
    }
    let bytes = (0..token.len())
        .step_by(2)
        .map(|i| {
            token
                .get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(invalid)?;
    let text = String::from_utf8(bytes).map_err(|_| invalid())?;
    text.strip_prefix(kind)
        .and_then(|rest| rest.strip_prefix(':'))
        .map(str::to_owned)
        .ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_token_points_at_the_last_key_shown() {
        let keys = ["ann", "bob", "carol"];
        let mut out = serde_json::json!({});
        set_next_token(&mut out, "NextToken", "users", &keys, 2);
        let token = out["NextToken"].as_str().unwrap();
        assert_eq!(decode_token("users", token).unwrap(), "bob");

        let mut out = serde_json::json!({});
        set_next_token(&mut out, "NextToken", "users", &keys[..2], 2);
        assert!(out.get("NextToken").is_none(), "no more keys, no token");

        let mut out = serde_json::json!({});
        set_next_token(&mut out, "NextToken", "users", &keys[..1], 0);
        assert!(
            out.get("NextToken").is_none(),
            "an empty page skips nothing"
        );
    }

    #[test]
    fn tokens_round_trip_and_reject_other_kinds() {
        let t = encode_token("users", "ann");
        assert_eq!(decode_token("users", &t).unwrap(), "ann");
        assert!(decode_token("groups", &t).is_err());
        assert!(decode_token("users", "zz").is_err());
    }

    #[test]
    fn page_limits_default_to_the_maximum() {
        assert_eq!(page_limit(&serde_json::json!({}), "Limit", 60).unwrap(), 60);
        let input = serde_json::json!({"Limit": 7});
        assert_eq!(page_limit(&input, "Limit", 60).unwrap(), 7);
    }

    #[test]
    fn a_member_an_operation_needs_is_refused_in_aws_words() {
        let err = required_str(&serde_json::json!({}), "SnsCallerArn").unwrap_err();
        assert_eq!(
            err.message,
            "1 validation error detected: Value null at 'snsCallerArn' failed to satisfy \
             constraint: Member must not be null"
        );
    }
}
