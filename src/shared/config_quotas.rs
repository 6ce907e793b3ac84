//! `[quotas]` in config.toml: `pacing = "aws"` or `"adaptive"`, and a rate a second for any quota
//! category (`UserRead = 200` for a raised quota, `UserList = 15` to leave half of it to the
//! production traffic sharing the account), or for each user (`PerUser = 5`, at most AWS's 10).

use std::collections::BTreeMap;

use crate::aws::quota::{Category, PER_USER_RATE, Pacing, Quotas};

/// The key of the per-user rate, named as the categories are.
const PER_USER: &str = "PerUser";

pub fn parse(table: &BTreeMap<String, toml::Value>) -> Result<Quotas, String> {
    let mut quotas = Quotas::default();
    for (key, value) in table {
        if key == "pacing" {
            quotas.pacing = match value.as_str() {
                Some("auto") => Pacing::Auto,
                Some("aws") => Pacing::Aws,
                Some("adaptive") => Pacing::Adaptive,
                _ => {
                    return Err(format!(
                        "[quotas] pacing must be \"auto\", \"aws\" or \"adaptive\" (got {value})"
                    ));
                }
            };
            continue;
        }
        // The name first: a misspelt one is the likelier mistake.
        let category: Option<Category> = if key == PER_USER {
            None
        } else {
            Some(
                key.parse()
                    .map_err(|e| format!("[quotas] {e}, or {PER_USER}"))?,
            )
        };
        #[allow(clippy::cast_precision_loss)] // a rate a second
        let rate = match value {
            toml::Value::Integer(n) => *n as f64,
            toml::Value::Float(f) => *f,
            other => {
                return Err(format!(
                    "[quotas] {key} must be requests a second (got {other})"
                ));
            }
        };
        if !(rate > 0.0 && rate.is_finite()) {
            return Err(format!(
                "[quotas] {key} must be more than 0 requests a second (got {rate})"
            ));
        }
        let Some(category) = category else {
            if rate > PER_USER_RATE {
                return Err(format!(
                    "[quotas] {PER_USER} is fixed by AWS at {PER_USER_RATE} a second for each \
                     user and cannot be raised"
                ));
            }
            quotas.per_user = Some(rate);
            continue;
        };
        if !category.adjustable() && rate > category.default_rate() {
            return Err(format!(
                "[quotas] {key} is fixed by AWS at {} a second and cannot be raised; a lower \
                 rate leaves room for other clients of the account",
                category.default_rate()
            ));
        }
        quotas.rates.insert(category, rate);
    }
    Ok(quotas)
}

#[cfg(test)]
mod tests {
    use super::super::config::Config;
    use super::*;

    #[test]
    fn rates_and_pacing_are_read_by_category_name() {
        let config =
            Config::parse("[quotas]\npacing = \"aws\"\nUserRead = 200\nUserList = 12.5\n").unwrap();
        let quotas = config.quotas.unwrap();
        assert_eq!(quotas.pacing, Pacing::Aws);
        assert!((quotas.ceiling(Category::UserRead) - 200.0).abs() < f64::EPSILON);
        assert!((quotas.ceiling(Category::UserList) - 12.5).abs() < f64::EPSILON);
        assert!((quotas.ceiling(Category::UserUpdate) - 25.0).abs() < f64::EPSILON);
        assert_eq!(quotas.per_user_ceiling(), Some(10.0));
        let slower = Config::parse("[quotas]\nPerUser = 4\n")
            .unwrap()
            .quotas
            .unwrap();
        assert_eq!(slower.per_user_ceiling(), Some(4.0));
        assert_eq!(Quotas::new(Pacing::Adaptive).per_user_ceiling(), None);
        assert!(
            Config::parse("read_only = true\n")
                .unwrap()
                .quotas
                .is_none()
        );
    }

    #[test]
    fn mistakes_name_the_line_and_what_is_wrong() {
        let (line, msg) = Config::parse("\n[quotas]\nUserLists = 10\n").unwrap_err();
        assert_eq!(line, Some(2));
        assert!(
            msg.contains("not a Cognito quota category")
                && msg.contains("UserList,")
                && msg.ends_with(", or PerUser"),
            "{msg}"
        );
        let (_, msg) = Config::parse("[quotas]\nUserList = 60\n").unwrap_err();
        assert!(msg.contains("fixed by AWS at 30"), "{msg}");
        let (_, msg) = Config::parse("[quotas]\nPerUser = 20\n").unwrap_err();
        assert!(
            msg.contains("fixed by AWS at 10 a second for each user"),
            "{msg}"
        );
        let (_, msg) = Config::parse("[quotas]\nPerUser = 0\n").unwrap_err();
        assert!(msg.contains("more than 0"), "{msg}");
        let (_, msg) = Config::parse("[quotas]\nUserRead = 0\n").unwrap_err();
        assert!(msg.contains("more than 0"), "{msg}");
        let (_, msg) = Config::parse("[quotas]\nUserRead = \"fast\"\n").unwrap_err();
        assert!(msg.contains("requests a second"), "{msg}");
        let (_, msg) = Config::parse("[quotas]\npacing = \"slow\"\n").unwrap_err();
        assert!(msg.contains("\"aws\" or \"adaptive\""), "{msg}");
        let auto = Config::parse("[quotas]\nUserRead = 200\n")
            .unwrap()
            .quotas
            .unwrap();
        assert_eq!(auto.clone().for_endpoint(true).pacing, Pacing::Aws);
        assert_eq!(auto.for_endpoint(false).pacing, Pacing::Adaptive);
    }
}
