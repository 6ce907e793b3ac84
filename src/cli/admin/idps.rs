//! `idps create|update|delete`, and which app clients offer a provider: a provider no client
//! lists in its SupportedIdentityProviders shows on no sign-in page, the classic "my new SAML
//! login doesn't work".

use std::io::Read as _;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::{Value, json};

use super::{DryRun, deleted, done, key_value, note, plan, update};
use crate::cli::args::{OutputFormat, PoolArg};
use crate::cli::{CliError, CliResult, resolve_pool};
use crate::cognito::edit::{Edit, Patch, Target};
use crate::cognito::{CognitoClient, PoolId, ProviderName};

/// The changes to an identity provider.
#[derive(Debug, Subcommand)]
pub enum IdpAdmin {
    /// Add an identity provider to a pool (then list it in an app client: `clients update
    /// --idp NAME`).
    Create {
        #[command(flatten)]
        pool: PoolArg,
        /// The provider's name (a social provider's name is its type: Google, Facebook,
        /// LoginWithAmazon, SignInWithApple).
        name: String,
        /// The kind of provider.
        #[arg(long = "type", value_enum, ignore_case = true, value_name = "TYPE")]
        kind: ProviderKind,
        #[command(flatten)]
        settings: IdpFlags,
    },
    /// Change an identity provider: only the details, mappings and identifiers named change.
    Update {
        #[command(flatten)]
        pool: PoolArg,
        /// The provider's name.
        name: String,
        #[command(flatten)]
        settings: IdpFlags,
        #[command(flatten)]
        removals: IdpRemovals,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// Delete an identity provider (its users can no longer sign in through it).
    Delete {
        #[command(flatten)]
        pool: PoolArg,
        /// The provider's name.
        name: String,
    },
}

/// ProviderType, as the API spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProviderKind {
    #[value(name = "SAML")]
    Saml,
    #[value(name = "OIDC")]
    Oidc,
    #[value(name = "Google")]
    Google,
    #[value(name = "Facebook")]
    Facebook,
    #[value(name = "LoginWithAmazon")]
    LoginWithAmazon,
    #[value(name = "SignInWithApple")]
    SignInWithApple,
}

impl ProviderKind {
    fn wire(self) -> &'static str {
        match self {
            Self::Saml => "SAML",
            Self::Oidc => "OIDC",
            Self::Google => "Google",
            Self::Facebook => "Facebook",
            Self::LoginWithAmazon => "LoginWithAmazon",
            Self::SignInWithApple => "SignInWithApple",
        }
    }
}

/// What create and update of a provider take.
#[derive(Debug, Clone, Args)]
pub struct IdpFlags {
    /// A provider detail (repeat): client_id=…, authorize_scopes=…, oidc_issuer=…,
    /// MetadataURL=…; VALUE @FILE reads it from a file and @- from standard input (keep a
    /// client_secret or private_key out of the process list).
    #[arg(long = "detail", value_name = "KEY=VALUE", value_parser = key_value)]
    pub details: Vec<(String, String)>,
    /// A SAML provider's metadata document (instead of a MetadataURL detail).
    #[arg(long, value_name = "FILE")]
    pub metadata_file: Option<PathBuf>,
    /// Map a provider claim onto a pool attribute (repeat), e.g. --map email=email.
    #[arg(long = "map", value_name = "ATTRIBUTE=CLAIM", value_parser = key_value)]
    pub mappings: Vec<(String, String)>,
    /// An identifier that routes a user's email domain to the provider (repeat).
    #[arg(long = "identifier", value_name = "ID")]
    pub identifiers: Vec<String>,
}

/// What only an update takes: details, mappings and identifiers to take out.
#[derive(Debug, Clone, Args)]
pub struct IdpRemovals {
    /// A provider detail to take out (repeat).
    #[arg(id = "remove_details", long = "remove-detail", value_name = "KEY")]
    pub details: Vec<String>,
    /// A pool attribute to take out of the mapping (repeat).
    #[arg(id = "remove_mappings", long = "unmap", value_name = "ATTRIBUTE")]
    pub mappings: Vec<String>,
    /// An identifier to take out (repeat).
    #[arg(
        id = "remove_identifiers",
        long = "remove-identifier",
        value_name = "ID"
    )]
    pub identifiers: Vec<String>,
}

const FLAGS: &str = "--detail, --metadata-file, --map, --identifier or a --remove-… flag";

impl IdpFlags {
    /// Sets every detail and mapping and adds every identifier the flags name. A metadata
    /// document and a metadata URL exclude each other: setting one takes the other out.
    fn patch(&self) -> Result<Patch, CliError> {
        let mut patch = Patch::new();
        let mut stdin_used = false;
        for (key, value) in &self.details {
            let value = detail_value(value, &mut stdin_used)?;
            patch.push(Edit::Set(format!("ProviderDetails.{key}"), json!(value)));
            if key == "MetadataURL" {
                patch.push(Edit::Remove("ProviderDetails.MetadataFile".into()));
            }
        }
        if let Some(file) = &self.metadata_file {
            let document = read_file(file)?;
            patch.push(set("ProviderDetails.MetadataFile", json!(document)));
            patch.push(Edit::Remove("ProviderDetails.MetadataURL".into()));
        }
        for (attribute, claim) in &self.mappings {
            patch.push(set(&format!("AttributeMapping.{attribute}"), json!(claim)));
        }
        for id in &self.identifiers {
            patch.push(Edit::Add("IdpIdentifiers".into(), json!(id)));
        }
        Ok(patch)
    }
}

impl IdpRemovals {
    fn patch(&self) -> Patch {
        let mut patch = Patch::new();
        for key in &self.details {
            patch.push(Edit::Remove(format!("ProviderDetails.{key}")));
        }
        for attribute in &self.mappings {
            patch.push(Edit::Remove(format!("AttributeMapping.{attribute}")));
        }
        for id in &self.identifiers {
            patch.push(Edit::Pull("IdpIdentifiers".into(), json!(id)));
        }
        patch
    }
}

fn set(path: &str, value: Value) -> Edit {
    Edit::Set(path.to_owned(), value)
}

/// A detail's value: as given, or from a file (`@FILE`) or standard input (`@-`, once).
fn detail_value(value: &str, stdin_used: &mut bool) -> Result<String, CliError> {
    match value.strip_prefix('@') {
        Some("-") => {
            if std::mem::replace(stdin_used, true) {
                return Err(CliError::Usage(
                    "only one --detail can read standard input (@-)".into(),
                ));
            }
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text)?;
            Ok(text.trim_end_matches(['\r', '\n']).to_owned())
        }
        Some(path) => read_file(&PathBuf::from(path)),
        None => Ok(value.to_owned()),
    }
}

fn read_file(path: &PathBuf) -> Result<String, CliError> {
    std::fs::read_to_string(path)
        .map(|text| text.trim_end_matches(['\r', '\n']).to_owned())
        .map_err(|e| CliError::Input(format!("reading {}: {e}", path.display())))
}

/// Runs one of the identity provider changes; a create or update ends with which app clients
/// offer the provider.
pub async fn run(client: &CognitoClient, format: OutputFormat, command: IdpAdmin) -> CliResult {
    match command {
        IdpAdmin::Create {
            pool,
            name,
            kind,
            settings,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let input = json!({"UserPoolId": pool, "ProviderName": name,
                "ProviderType": kind.wire(), "ProviderDetails": {}});
            let input = settings.patch()?.apply(&input).map_err(CliError::Input)?;
            let created = client.call_json("CreateIdentityProvider", &input).await?;
            let line = format!("identity provider {name}: created");
            done(format, &line, created["IdentityProvider"].clone())?;
            note(format, &enabled_by_line(client, &pool, &name).await)?;
            Ok(())
        }
        IdpAdmin::Update {
            pool,
            name,
            settings,
            removals,
            dry_run,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let mut patch = settings.patch()?;
            patch.0.extend(removals.patch().0);
            let target = Target::Idp(pool.clone(), ProviderName::new(&name));
            let plan = plan(client, &target, &patch, dry_run.dry_run, FLAGS).await?;
            update(client, format, &plan, dry_run.dry_run).await?;
            note(format, &enabled_by_line(client, &pool, &name).await)?;
            Ok(())
        }
        IdpAdmin::Delete { pool, name } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let input = json!({"UserPoolId": pool, "ProviderName": name});
            client.call_json("DeleteIdentityProvider", &input).await?;
            let keys = [
                ("UserPoolId", pool.as_str()),
                ("ProviderName", name.as_str()),
            ];
            let line = format!("identity provider {name}: deleted");
            done(format, &line, deleted("DeleteIdentityProvider", &keys))
        }
    }
}

/// One line saying which app clients offer the provider, or that none does and how to fix it. It
/// is read after the provider was shown (or changed), so a failure to read the clients is said
/// on the line rather than failing a command whose work is done.
pub async fn enabled_by_line(client: &CognitoClient, pool: &PoolId, provider: &str) -> String {
    let clients = match client.clients_enabling(pool, provider).await {
        Ok(clients) => clients,
        Err(e) => {
            return format!(
                "which app clients enable {provider} could not be read: {}",
                crate::cognito::describe_error(&e)
            );
        }
    };
    if clients.is_empty() {
        return format!(
            "no app client enables {provider}: its sign-in shows on no login page until one \
             does (`clients update --pool {pool} CLIENT --idp {provider}`)"
        );
    }
    let names: Vec<String> = clients
        .iter()
        .map(|c| {
            let name = c.client_name.as_deref().unwrap_or_default();
            let id = c
                .client_id
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            format!("{name} ({id})")
        })
        .collect();
    format!("enabled by app clients: {}", names.join(", "))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use aws_credential_types::Credentials;

    use super::*;
    use crate::aws::RetryPolicy;
    use crate::cognito::ClientSettings;

    /// Read after the provider was created or changed, the line says the clients could not be
    /// read (here: nothing listens) instead of failing a command whose work is done.
    #[tokio::test]
    async fn the_enabling_clients_unread_are_said_not_an_error() {
        let settings = ClientSettings {
            region: Some("us-east-1".into()),
            endpoint_url: Some("http://127.0.0.1:1".into()),
            credentials: Some(Credentials::new("k", "s", None, None, "test")),
            retry: Some(RetryPolicy {
                max_attempts: 1,
                base_delay: Duration::from_millis(1),
                max_delay: Duration::from_millis(1),
                throttle_patience: Duration::from_millis(1),
            }),
            ..ClientSettings::default()
        };
        let client = CognitoClient::connect(&settings).await.unwrap();
        let line = enabled_by_line(&client, &PoolId::new("us-east-1_a"), "corp").await;
        assert!(
            line.starts_with("which app clients enable corp could not be read: "),
            "{line}"
        );
    }
}
