//! A pool's password policy: AWS's defaults, and the check AdminCreateUser applies.

use serde_json::Value;

use super::error::{LocalError, LocalResult};

/// The policy a pool's spec holds, with AWS's defaults for what it leaves out.
pub fn policy_of(spec: &Value) -> Value {
    let given = spec
        .pointer("/Policies/PasswordPolicy")
        .cloned()
        .unwrap_or(Value::Null);
    let mut policy = serde_json::json!({
        "MinimumLength": 8,
        "RequireUppercase": true,
        "RequireLowercase": true,
        "RequireNumbers": true,
        "RequireSymbols": true,
        "TemporaryPasswordValidityDays": 7
    });
    if let (Some(out), Some(given)) = (policy.as_object_mut(), given.as_object()) {
        for (k, v) in given {
            out.insert(k.clone(), v.clone());
        }
    }
    policy
}

const SYMBOLS: &str = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

/// InvalidPasswordException with AWS's wording when `password` breaks `policy`.
pub fn check(policy: &Value, password: &str) -> LocalResult<()> {
    let flag = |k: &str| policy.get(k).and_then(Value::as_bool).unwrap_or(false);
    let min = policy
        .get("MinimumLength")
        .and_then(Value::as_u64)
        .unwrap_or(8);
    let fail = |why: &str| {
        Err(LocalError::new(
            "InvalidPasswordException",
            format!("Password does not conform to policy: {why}"),
        ))
    };
    if (password.chars().count() as u64) < min {
        return fail("Password not long enough");
    }
    if flag("RequireLowercase") && !password.chars().any(|c| c.is_ascii_lowercase()) {
        return fail("Password must have lowercase characters");
    }
    if flag("RequireUppercase") && !password.chars().any(|c| c.is_ascii_uppercase()) {
        return fail("Password must have uppercase characters");
    }
    if flag("RequireNumbers") && !password.chars().any(|c| c.is_ascii_digit()) {
        return fail("Password must have numeric characters");
    }
    if flag("RequireSymbols") && !password.chars().any(|c| SYMBOLS.contains(c)) {
        return fail("Password must have symbol characters");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_policy_wants_all_four_classes() {
        let p = policy_of(&serde_json::json!({}));
        assert!(check(&p, "Passw0rd!").is_ok());
        assert_eq!(
            check(&p, "short").unwrap_err().code,
            "InvalidPasswordException"
        );
        assert!(check(&p, "Password1").is_err());
        let relaxed = policy_of(&serde_json::json!({"Policies":{"PasswordPolicy":{
            "MinimumLength": 6, "RequireSymbols": false, "RequireUppercase": false}}}));
        assert!(check(&relaxed, "abc123").is_ok());
    }
}
