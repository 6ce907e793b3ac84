//! User pool domains: one per pool, each name unique across pools. A prefix domain
//! (`acme-auth`) or a custom one (`auth.example.com` with an ACM certificate).

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::ids;
use super::super::input::{optional_i64, required_str};
use super::super::store::{Cached as _, Store, now};
use super::super::validation::{Shown, Violations};
use super::{Request, change_in_pool, exists, write_in_pool};
use crate::cognito::constraints;

/// Words AWS refuses in a prefix domain.
const RESERVED: &[&str] = &["aws", "amazon", "cognito"];

/// A domain row as the seed and CreateUserPoolDomain write it.
pub struct NewDomain<'a> {
    pub pool: &'a str,
    pub domain: &'a str,
    /// Set for a custom domain: the ACM certificate that serves it.
    pub certificate_arn: Option<&'a str>,
    pub managed_login_version: i64,
    pub at: f64,
}

/// Validates and inserts a domain; InvalidParameterException when the pool has one already or
/// another pool holds the name.
pub fn insert_domain(tx: &Connection, d: &NewDomain<'_>) -> LocalResult<()> {
    check_domain(d.domain, d.certificate_arn.is_some())?;
    check_version(d.managed_login_version)?;
    if domain_of(tx, d.pool)?.is_some() {
        return Err(LocalError::invalid_parameter(
            "User pool already has a domain configured.",
        ));
    }
    let taken = exists(
        tx,
        "SELECT EXISTS (SELECT 1 FROM domains WHERE domain = ?1)",
        [d.domain],
    )?;
    if taken {
        return Err(LocalError::invalid_parameter(
            "Domain already associated with another user pool.",
        ));
    }
    tx.cached_execute(
        "INSERT INTO domains (domain, pool_id, certificate_arn, managed_login_version, created)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            d.domain,
            d.pool,
            d.certificate_arn,
            d.managed_login_version,
            d.at
        ],
    )?;
    Ok(())
}

/// The pool's domain and whether it is a custom one.
pub fn domain_of(conn: &Connection, pool: &str) -> LocalResult<Option<(String, bool)>> {
    Ok(conn
        .cached_row(
            "SELECT domain, certificate_arn IS NOT NULL FROM domains WHERE pool_id = ?1",
            [pool],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub fn create_user_pool_domain(store: &Store, req: &Request) -> LocalResult {
    let domain = required_str(&req.input, "Domain")?;
    let pool = required_str(&req.input, "UserPoolId")?;
    let certificate_arn = match req.input.get("CustomDomainConfig") {
        None | Some(Value::Null) => None,
        Some(config) => Some(required_str(config, "CertificateArn")?),
    };
    let managed_login_version = optional_i64(&req.input, "ManagedLoginVersion")?.unwrap_or(1);
    write_in_pool(store, pool, |tx| {
        insert_domain(
            tx,
            &NewDomain {
                pool,
                domain,
                certificate_arn,
                managed_login_version,
                at: now(),
            },
        )
    })?;
    let mut out = json!({ "ManagedLoginVersion": managed_login_version });
    // AWS answers the CloudFront name only for a custom domain, which needs a DNS alias to it.
    if certificate_arn.is_some() {
        out["CloudFrontDomain"] = json!(cloudfront_name(domain));
    }
    Ok(out)
}

/// An unknown domain is not an error: AWS answers an empty DomainDescription.
pub fn describe_user_pool_domain(store: &Store, req: &Request) -> LocalResult {
    type Row = (String, Option<String>, i64, f64);
    let domain = required_str(&req.input, "Domain")?;
    let row: Option<Row> = store.read(|conn| {
        Ok(conn
            .cached_row(
                "SELECT pool_id, certificate_arn, managed_login_version, created FROM domains
                 WHERE domain = ?1",
                [domain],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?)
    })?;
    let Some((pool, certificate_arn, version, created)) = row else {
        return Ok(json!({ "DomainDescription": {} }));
    };
    let region = ids::region_of_pool(&pool);
    let mut description = json!({
        "UserPoolId": pool,
        "AWSAccountId": req.account,
        "Domain": domain,
        "S3Bucket": format!("aws-cognito-prod-{region}-assets"),
        "CloudFrontDistribution": cloudfront_name(domain),
        "Version": version_of(created),
        "Status": "ACTIVE",
        "ManagedLoginVersion": version,
    });
    if let Some(arn) = certificate_arn {
        description["CustomDomainConfig"] = json!({ "CertificateArn": arn });
    }
    Ok(json!({ "DomainDescription": description }))
}

/// Changes the branding version and, for a custom domain, its certificate; the name stays.
/// A member left out keeps its value (the model documents no reset here).
pub fn update_user_pool_domain(store: &Store, req: &Request) -> LocalResult {
    let domain = required_str(&req.input, "Domain")?;
    let pool = required_str(&req.input, "UserPoolId")?;
    let certificate_arn = match req.input.get("CustomDomainConfig") {
        None | Some(Value::Null) => None,
        Some(config) => Some(required_str(config, "CertificateArn")?),
    };
    let version = optional_i64(&req.input, "ManagedLoginVersion")?;
    write_in_pool(store, pool, |tx| {
        let row: Option<(Option<String>, i64)> = tx
            .cached_row(
                "SELECT certificate_arn, managed_login_version FROM domains
                 WHERE domain = ?1 AND pool_id = ?2",
                params![domain, pool],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (current_arn, current_version) = row.ok_or_else(no_such_domain)?;
        if certificate_arn.is_some() && current_arn.is_none() {
            return Err(LocalError::invalid_parameter(
                "A prefix domain has no certificate: CustomDomainConfig applies to custom \
                 domains only.",
            ));
        }
        let version = version.unwrap_or(current_version);
        check_version(version)?;
        let arn = certificate_arn.map(str::to_owned).or(current_arn);
        tx.cached_execute(
            "UPDATE domains SET certificate_arn = ?2, managed_login_version = ?3
             WHERE domain = ?1",
            params![domain, arn, version],
        )?;
        let mut out = json!({ "ManagedLoginVersion": version });
        if arn.is_some() {
            out["CloudFrontDomain"] = json!(cloudfront_name(domain));
        }
        Ok(out)
    })
}

fn no_such_domain() -> LocalError {
    LocalError::invalid_parameter("No such domain or user pool exists.")
}

fn check_version(version: i64) -> LocalResult<()> {
    if matches!(version, 1 | 2) {
        Ok(())
    } else {
        Err(LocalError::invalid_parameter(
            "ManagedLoginVersion must be 1 (hosted UI, classic) or 2 (managed login).",
        ))
    }
}

pub fn delete_user_pool_domain(store: &Store, req: &Request) -> LocalResult {
    let domain = required_str(&req.input, "Domain")?;
    let pool = required_str(&req.input, "UserPoolId")?;
    change_in_pool(
        store,
        pool,
        "DELETE FROM domains WHERE domain = ?1 AND pool_id = ?2",
        params![domain, pool],
        no_such_domain,
    )
}

/// A prefix is the model's DomainType (lower-case letters, digits and inner hyphens, at most
/// 63) without a reserved word; a custom domain is a full domain name of labels of that shape
/// (the model cannot say so: `shapes.rs` leaves DomainType to this check).
fn check_domain(domain: &str, custom: bool) -> LocalResult<()> {
    if custom && (!domain.contains('.') || domain.len() > 253) {
        return Err(LocalError::invalid_parameter(
            "A custom domain is a full domain name of at most 253 characters, such as \
             auth.example.com.",
        ));
    }
    let labels: Vec<&str> = if custom {
        domain.split('.').collect()
    } else {
        vec![domain]
    };
    let mut broken = Vec::new();
    for label in labels {
        constraints::add_distinct(
            &mut broken,
            constraints::string_violations("DomainType", label),
        );
    }
    let mut found = Violations::default();
    for constraint in &broken {
        found.push_at(&Shown::text(domain), "domain", constraint);
    }
    found.into_result()?;
    if let Some(word) = RESERVED.iter().find(|w| !custom && domain.contains(*w)) {
        return Err(LocalError::invalid_parameter(format!(
            "Domain cannot contain reserved word: {word}"
        )));
    }
    Ok(())
}

/// A stable CloudFront-shaped host for the domain (`d` and 13 hex digits).
fn cloudfront_name(domain: &str) -> String {
    // FNV-1a: stable across runs and machines, unlike the std hasher.
    let hash = domain.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let hex = format!("{hash:016x}");
    format!("d{}.cloudfront.net", &hex[..13])
}

/// AWS's domain Version is a creation stamp like `20231114221320`.
fn version_of(created: f64) -> String {
    #[allow(clippy::cast_possible_truncation)]
    let secs = created as i64;
    time::OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .and_then(|t| {
            t.format(time::macros::format_description!(
                "[year][month][day][hour][minute][second]"
            ))
            .ok()
        })
        .unwrap_or_else(|| secs.to_string())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::testing::{call, store_with_pool};

    #[test]
    fn update_changes_the_version_and_a_custom_domains_certificate_only() {
        let (store, pool) = store_with_pool();
        let arn = "arn:aws:acm:us-east-1:123456789012:certificate/one";
        let custom = json!({"UserPoolId": pool, "Domain": "auth.acme.example",
                            "CustomDomainConfig": {"CertificateArn": arn}});
        call(&store, "CreateUserPoolDomain", custom).unwrap();
        let update = |input: serde_json::Value| call(&store, "UpdateUserPoolDomain", input);
        let base = json!({"UserPoolId": pool, "Domain": "auth.acme.example"});
        let mut two = base.clone();
        two["ManagedLoginVersion"] = json!(2);
        let answer = update(two).unwrap();
        assert_eq!(answer["ManagedLoginVersion"], 2);
        assert!(answer["CloudFrontDomain"].is_string());
        let described = |store| {
            call(
                store,
                "DescribeUserPoolDomain",
                json!({"Domain": "auth.acme.example"}),
            )
            .unwrap()["DomainDescription"]
                .clone()
        };
        // Leaving the certificate out keeps it; a new one replaces it.
        assert_eq!(
            described(&store)["CustomDomainConfig"]["CertificateArn"],
            arn
        );
        let mut renewed = base.clone();
        renewed["CustomDomainConfig"] = json!({"CertificateArn": format!("{arn}-renewed")});
        update(renewed).unwrap();
        let after = described(&store);
        assert_eq!(
            after["ManagedLoginVersion"], 2,
            "an omitted version is kept"
        );
        assert_eq!(
            after["CustomDomainConfig"]["CertificateArn"],
            format!("{arn}-renewed")
        );
        let mut three = base;
        three["ManagedLoginVersion"] = json!(3);
        assert_eq!(update(three).unwrap_err().0, "InvalidParameterException");
    }

    #[test]
    fn update_refuses_another_pools_domain_and_a_certificate_for_a_prefix() {
        let (store, pool) = store_with_pool();
        let prefix = json!({"UserPoolId": pool, "Domain": "acme-login"});
        call(&store, "CreateUserPoolDomain", prefix.clone()).unwrap();
        let answer = call(&store, "UpdateUserPoolDomain", prefix.clone()).unwrap();
        assert_eq!(
            answer,
            json!({"ManagedLoginVersion": 1}),
            "no CloudFront name"
        );
        let mut certificate = prefix;
        certificate["CustomDomainConfig"] =
            json!({"CertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/x"});
        let refused = call(&store, "UpdateUserPoolDomain", certificate).unwrap_err();
        assert_eq!(refused.0, "InvalidParameterException");
        let other = call(&store, "CreateUserPool", json!({"PoolName": "other"})).unwrap();
        let elsewhere = json!({"UserPoolId": other["UserPool"]["Id"], "Domain": "acme-login"});
        let refused = call(&store, "UpdateUserPoolDomain", elsewhere).unwrap_err();
        assert_eq!(refused.1, "No such domain or user pool exists.");
    }
}
