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
    if !matches!(d.managed_login_version, 1 | 2) {
        return Err(LocalError::invalid_parameter(
            "ManagedLoginVersion must be 1 (hosted UI, classic) or 2 (managed login).",
        ));
    }
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

pub fn delete_user_pool_domain(store: &Store, req: &Request) -> LocalResult {
    let domain = required_str(&req.input, "Domain")?;
    let pool = required_str(&req.input, "UserPoolId")?;
    change_in_pool(
        store,
        pool,
        "DELETE FROM domains WHERE domain = ?1 AND pool_id = ?2",
        params![domain, pool],
        || LocalError::invalid_parameter("No such domain or user pool exists."),
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
