//! `domains describe|create|update|delete`: the pool's sign-in domain, a prefix under
//! amazoncognito.com or a custom domain with its certificate. Without DOMAIN the pool's own is
//! meant (a pool has one).

use std::fmt::Write as _;
use std::io::Write as _;

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::{DryRun, deleted, done, note, plan, update};
use crate::cli::args::{OutputFormat, PoolArg};
use crate::cli::output::{Out, write_json, write_object};
use crate::cli::{CliError, CliResult, resolve_pool};
use crate::cognito::edit::{Edit, Patch, Target};
use crate::cognito::{CognitoClient, PoolId};

/// The pool's sign-in domain.
#[derive(Debug, Subcommand)]
pub enum DomainsCommand {
    /// Describe the pool's domain: its status, certificate and sign-in URL.
    Describe {
        #[command(flatten)]
        pool: PoolArg,
        /// The domain (default: the pool's).
        domain: Option<String>,
    },
    /// Give the pool a domain: a prefix (my-app: my-app.auth.REGION.amazoncognito.com), or a
    /// custom domain (auth.example.com) with --certificate-arn.
    Create {
        #[command(flatten)]
        pool: PoolArg,
        /// A prefix, or a custom domain name.
        domain: String,
        #[command(flatten)]
        settings: DomainFlags,
    },
    /// Change the domain's certificate or managed login version.
    Update {
        #[command(flatten)]
        pool: PoolArg,
        /// The domain (default: the pool's).
        domain: Option<String>,
        #[command(flatten)]
        settings: DomainFlags,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// Remove the pool's domain (the hosted sign-in pages go with it).
    Delete {
        #[command(flatten)]
        pool: PoolArg,
        /// The domain (default: the pool's).
        domain: Option<String>,
    },
}

/// What create and update of a domain take.
#[derive(Debug, Clone, Args)]
pub struct DomainFlags {
    /// The ACM certificate (in us-east-1) of a custom domain.
    #[arg(long, value_name = "ARN")]
    pub certificate_arn: Option<String>,
    /// 1: the classic hosted UI; 2: managed login.
    #[arg(long, value_name = "1|2", value_parser = clap::value_parser!(u8).range(1..=2))]
    pub managed_login_version: Option<u8>,
}

impl DomainFlags {
    fn patch(&self) -> Patch {
        let mut patch = Patch::new();
        if let Some(arn) = &self.certificate_arn {
            patch.push(Edit::Set(
                "CustomDomainConfig.CertificateArn".into(),
                json!(arn),
            ));
        }
        if let Some(v) = self.managed_login_version {
            patch.push(Edit::Set("ManagedLoginVersion".into(), json!(v)));
        }
        patch
    }
}

/// Runs one of the domain commands.
pub async fn run(
    client: &CognitoClient,
    format: OutputFormat,
    command: DomainsCommand,
) -> CliResult {
    match command {
        DomainsCommand::Describe { pool, domain } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let domain = pool_domain(client, &pool, domain).await?;
            let target = Target::Domain(pool, domain.clone());
            let described = client.describe_resource(&target).await?;
            let mut out = Out::stdout();
            if format == OutputFormat::Json {
                write_json(&mut out, &described)?;
            } else {
                write_object(&mut out, &described)?;
                writeln!(
                    out,
                    "sign-in at {}",
                    sign_in_url(client, &domain, &described)
                )?;
            }
            Ok(out.flush()?)
        }
        DomainsCommand::Create {
            pool,
            domain,
            settings,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let input = json!({"UserPoolId": pool, "Domain": domain});
            let input = settings.patch().apply(&input).map_err(CliError::Input)?;
            let created = client.call_json("CreateUserPoolDomain", &input).await?;
            let mut line = format!("domain {domain}: created");
            if settings.certificate_arn.is_some()
                && let Some(cdn) = created["CloudFrontDomain"].as_str()
            {
                let _ = write!(line, "; point {domain} (an alias or CNAME) at {cdn}");
            }
            done(format, &line, created)?;
            let url = sign_in_url(client, &domain, &input);
            note(format, &format!("sign-in at {url}"))?;
            Ok(())
        }
        DomainsCommand::Update {
            pool,
            domain,
            settings,
            dry_run,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let domain = pool_domain(client, &pool, domain).await?;
            let target = Target::Domain(pool, domain);
            let flags = "--certificate-arn or --managed-login-version";
            let plan = plan(client, &target, &settings.patch(), dry_run.dry_run, flags).await?;
            update(client, format, &plan, dry_run.dry_run).await
        }
        DomainsCommand::Delete { pool, domain } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let domain = pool_domain(client, &pool, domain).await?;
            let input = json!({"UserPoolId": pool, "Domain": domain});
            client.call_json("DeleteUserPoolDomain", &input).await?;
            let keys = [("UserPoolId", pool.as_str()), ("Domain", domain.as_str())];
            let line = format!("domain {domain}: deleted");
            done(format, &line, deleted("DeleteUserPoolDomain", &keys))
        }
    }
}

/// The domain given, else the pool's own (its custom domain, else its prefix).
async fn pool_domain(
    client: &CognitoClient,
    pool: &PoolId,
    given: Option<String>,
) -> Result<String, CliError> {
    if let Some(domain) = given {
        return Ok(domain);
    }
    let described = client
        .describe_resource(&Target::Pool(pool.clone()))
        .await?;
    ["CustomDomain", "Domain"]
        .iter()
        .find_map(|k| described[*k].as_str().filter(|d| !d.is_empty()))
        .map(str::to_owned)
        .ok_or_else(|| {
            CliError::Input(format!(
                "pool {pool} has no domain (give it one with `domains create --pool {pool} PREFIX`)"
            ))
        })
}

/// Where the hosted sign-in lives: the custom domain itself, or the prefix under the region's
/// amazoncognito.com.
fn sign_in_url(client: &CognitoClient, domain: &str, config: &Value) -> String {
    let custom = config
        .pointer("/CustomDomainConfig/CertificateArn")
        .is_some();
    if custom {
        format!("https://{domain}")
    } else {
        format!(
            "https://{domain}.auth.{}.amazoncognito.com",
            client.region()
        )
    }
}
