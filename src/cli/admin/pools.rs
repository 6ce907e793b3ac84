//! `pools create|update|delete|add-attribute`. A pool's settings change through UpdateUserPool
//! (`Target::Pool`), its MFA mode and methods through SetUserPoolMfaConfig (`Target::Mfa`); one
//! `pools update` may make both.

use std::io::Write as _;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::{Value, json};

use super::pool_mfa::MfaFlags;
use super::{DryRun, Outcome, Switch, deleted, done, plan_from, said, show};
use crate::aws::AwsError;
use crate::cli::args::OutputFormat;
use crate::cli::output::{Out, write_json};
use crate::cli::{CliError, CliResult, resolve_pool};
use crate::cognito::edit::{Edit, Patch, Plan, Target};
use crate::cognito::{CognitoClient, PoolId, secrets};

use super::attributes::AttributeArgs;

/// The changes to a pool.
#[derive(Debug, Subcommand)]
pub enum PoolAdmin {
    /// Create a user pool.
    Create(NewPool),
    /// Change a pool's settings and MFA; everything not named stays as it is.
    Update {
        /// Pool id, or a pool name that is unique in the region.
        pool: String,
        /// A new name for the pool.
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        #[command(flatten)]
        password: PasswordFlags,
        /// Refuse to delete the pool while on.
        #[arg(long, value_name = "on|off")]
        deletion_protection: Option<Switch>,
        #[command(flatten)]
        mfa: MfaFlags,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// Delete a pool with all its users, groups and app clients (refused while its deletion
    /// protection is on).
    Delete {
        /// Pool id, or a pool name that is unique in the region.
        pool: String,
        /// The pool's name again, to show it is the pool meant.
        #[arg(long, value_name = "POOL_NAME", required = true)]
        confirm: String,
    },
    /// Add a custom attribute to a pool (custom attributes cannot be removed or changed).
    AddAttribute(AttributeArgs),
}

/// `pools create`.
#[derive(Debug, Clone, Args)]
pub struct NewPool {
    /// The pool's name.
    pub name: String,
    /// Let users sign in with their email or phone number instead of a username (repeat;
    /// fixed once the pool exists).
    #[arg(long = "username-attributes", value_enum, value_name = "ATTRIBUTE")]
    pub username_attributes: Vec<UsernameAttribute>,
    #[command(flatten)]
    pub password: PasswordFlags,
    /// Refuse to delete the pool while on.
    #[arg(long, value_name = "on|off")]
    pub deletion_protection: Option<Switch>,
    #[command(flatten)]
    pub mfa: MfaFlags,
    /// A tag (repeat).
    #[arg(long = "tag", value_name = "KEY=VALUE", value_parser = super::key_value)]
    pub tags: Vec<(String, String)>,
}

/// UsernameAttributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum UsernameAttribute {
    Email,
    PhoneNumber,
}

/// The password policy as flags.
#[derive(Debug, Clone, Args)]
pub struct PasswordFlags {
    /// The shortest password allowed (6 to 99).
    #[arg(long, value_name = "N")]
    pub min_length: Option<u32>,
    /// Passwords need an uppercase letter.
    #[arg(long, value_name = "on|off")]
    pub require_uppercase: Option<Switch>,
    /// Passwords need a lowercase letter.
    #[arg(long, value_name = "on|off")]
    pub require_lowercase: Option<Switch>,
    /// Passwords need a number.
    #[arg(long, value_name = "on|off")]
    pub require_numbers: Option<Switch>,
    /// Passwords need a symbol.
    #[arg(long, value_name = "on|off")]
    pub require_symbols: Option<Switch>,
    /// Days a temporary password from an admin stays usable (0 to 365).
    #[arg(long, value_name = "N")]
    pub temp_password_days: Option<u32>,
}

impl PasswordFlags {
    fn patch(&self, patch: &mut Patch) {
        let policy = |member: &str| format!("Policies.PasswordPolicy.{member}");
        let numbers = [
            ("MinimumLength", self.min_length),
            ("TemporaryPasswordValidityDays", self.temp_password_days),
        ];
        for (member, value) in numbers {
            if let Some(v) = value {
                patch.push(Edit::Set(policy(member), json!(v)));
            }
        }
        let switches = [
            ("RequireUppercase", self.require_uppercase),
            ("RequireLowercase", self.require_lowercase),
            ("RequireNumbers", self.require_numbers),
            ("RequireSymbols", self.require_symbols),
        ];
        for (member, value) in switches {
            if let Some(s) = value {
                patch.push(Edit::Set(policy(member), json!(s.is_on())));
            }
        }
    }
}

fn protection(switch: Switch) -> Value {
    json!(if switch.is_on() { "ACTIVE" } else { "INACTIVE" })
}

/// The password policy a new pool gets when none is given: a policy that names only some members
/// would set the rest to false, so a create starts from this one.
fn default_password_policy() -> Value {
    json!({"MinimumLength": 8, "RequireUppercase": true, "RequireLowercase": true,
           "RequireNumbers": true, "RequireSymbols": true, "TemporaryPasswordValidityDays": 7})
}

/// Runs one of the pool changes.
pub async fn run(client: &CognitoClient, format: OutputFormat, command: PoolAdmin) -> CliResult {
    match command {
        PoolAdmin::Create(new) => create(client, format, new).await,
        PoolAdmin::Update {
            pool,
            name,
            password,
            deletion_protection,
            mfa,
            dry_run,
        } => {
            let pool = resolve_pool(client, &pool).await?;
            let mut patch = Patch::new();
            if let Some(name) = name {
                patch.push(Edit::Set("PoolName".into(), json!(name)));
            }
            password.patch(&mut patch);
            if let Some(s) = deletion_protection {
                patch.push(Edit::Set("DeletionProtection".into(), protection(s)));
            }
            if patch.is_empty() && mfa.is_empty() {
                return Err(CliError::Usage(
                    "nothing to change: give a setting (see `pools update --help`)".into(),
                ));
            }
            let dry = dry_run.dry_run;
            let mut plans = Vec::new();
            if !patch.is_empty() {
                let target = Target::Pool(pool.clone());
                plans.push(plan_from(client, &target, dry, |_| Ok(patch)).await?);
            }
            if !mfa.is_empty() {
                plans.push(mfa_plan(client, &pool, &mfa, dry).await?);
            }
            // Every change is shown before the first is sent; then each is sent and said done
            // in turn, so a refused MFA change leaves no doubt that the settings were changed.
            let mut pending = Vec::new();
            for plan in &plans {
                pending.push(show(format, plan)?);
            }
            let mut outcomes = Vec::new();
            for (plan, pending) in plans.iter().zip(pending) {
                let outcome = match (pending, dry) {
                    (false, _) => Outcome::Unchanged,
                    (true, true) => Outcome::DryRun,
                    (true, false) => Outcome::Sent(client.apply_plan(plan).await?),
                };
                if format != OutputFormat::Json {
                    said(plan, &outcome)?;
                }
                outcomes.push(outcome);
            }
            finish(client, format, &plans, outcomes).await
        }
        PoolAdmin::Delete { pool, confirm } => delete(client, format, &pool, &confirm).await,
        PoolAdmin::AddAttribute(args) => super::attributes::add(client, format, args).await,
    }
}

/// CreateUserPool, then (when MFA is asked for) SetUserPoolMfaConfig through a plan.
async fn create(client: &CognitoClient, format: OutputFormat, new: NewPool) -> CliResult {
    let NewPool {
        name,
        username_attributes,
        password,
        deletion_protection,
        mfa,
        tags,
    } = new;
    let attrs: Vec<Value> = username_attributes
        .iter()
        .map(|a| {
            json!(if *a == UsernameAttribute::Email {
                "email"
            } else {
                "phone_number"
            })
        })
        .collect();
    let mut patch = Patch::new();
    password.patch(&mut patch);
    if !patch.is_empty() {
        patch.0.insert(
            0,
            Edit::Set("Policies.PasswordPolicy".into(), default_password_policy()),
        );
    }
    if !attrs.is_empty() {
        patch.push(Edit::Set("UsernameAttributes".into(), json!(attrs)));
    }
    if let Some(s) = deletion_protection {
        patch.push(Edit::Set("DeletionProtection".into(), protection(s)));
    }
    if !tags.is_empty() {
        // As one map: a tag's key may hold a dot, which a patch path would split.
        let tags: serde_json::Map<String, Value> =
            tags.into_iter().map(|(k, v)| (k, json!(v))).collect();
        patch.push(Edit::Set("UserPoolTags".into(), Value::Object(tags)));
    }
    let input = patch
        .apply(&json!({"PoolName": name}))
        .map_err(CliError::Input)?;
    let created = client.call_json("CreateUserPool", &input).await?;
    let mut pool = created["UserPool"].clone();
    let id = PoolId::new(pool["Id"].as_str().unwrap_or_default());
    if !mfa.is_empty() {
        let set = async {
            let plan = mfa_plan(client, &id, &mfa, false).await?;
            client.apply_plan(&plan).await?;
            Ok::<_, CliError>(())
        };
        if let Err(e) = set.await {
            return Err(CliError::Input(format!(
                "pool {name} was created, id {id}, but its MFA was not set: {e}"
            )));
        }
        pool = client.describe_resource(&Target::Pool(id.clone())).await?;
    }
    done(format, &format!("pool {name}: created, id {id}"), pool)
}

/// The MFA change the flags make (the pool's SMS configuration read when SMS is enabled).
async fn mfa_plan(
    client: &CognitoClient,
    pool: &PoolId,
    mfa: &MfaFlags,
    dry_run: bool,
) -> Result<Plan, CliError> {
    let pool_sms = if mfa.needs_sms_configuration() {
        let described = client
            .describe_resource(&Target::Pool(pool.clone()))
            .await?;
        described.get("SmsConfiguration").cloned()
    } else {
        None
    };
    let target = Target::Mfa(pool.clone());
    plan_from(client, &target, dry_run, |current| {
        mfa.patch(current, pool_sms.as_ref())
    })
    .await
}

/// The end of a `pools update` of one or two parts (JSON): one object with the
/// fresh `UserPool` and `MfaConfig` of the parts it touched (or, for a dry run, the changes).
async fn finish(
    client: &CognitoClient,
    format: OutputFormat,
    plans: &[Plan],
    outcomes: Vec<Outcome>,
) -> CliResult {
    if format != OutputFormat::Json {
        return Ok(());
    }
    let mut out = Out::stdout();
    let mut shown = json!({});
    for (plan, outcome) in plans.iter().zip(outcomes) {
        let key = match plan.target {
            Target::Mfa(_) => "MfaConfig",
            _ => "UserPool",
        };
        shown[key] = match outcome {
            Outcome::Sent(fresh) => fresh,
            Outcome::Unchanged => client.describe_resource(&plan.target).await?,
            Outcome::DryRun => {
                let changes: Vec<String> = plan.changes().iter().map(ToString::to_string).collect();
                json!({"Operation": plan.target.update_operation(), "Changes": changes,
                       "Sent": false})
            }
        };
    }
    secrets::redact(&mut shown);
    write_json(&mut out, &shown)?;
    Ok(out.flush()?)
}

async fn delete(
    client: &CognitoClient,
    format: OutputFormat,
    text: &str,
    confirm: &str,
) -> CliResult {
    let id = resolve_pool(client, text).await?;
    let described = client.describe_resource(&Target::Pool(id.clone())).await?;
    let name = described["Name"].as_str().unwrap_or_default();
    if confirm != name {
        return Err(CliError::Input(format!(
            "--confirm must repeat the pool's name, {name:?}, to delete {id}; nothing was sent"
        )));
    }
    let input = json!({"UserPoolId": id});
    match client.call_json("DeleteUserPool", &input).await {
        Ok(_) => {}
        Err(AwsError::Service(e)) if e.message.to_lowercase().contains("deletion protection") => {
            return Err(CliError::Input(format!(
                "pool {name} ({id}) was not deleted: its deletion protection is on ({}: {}); \
                 turn it off first with `pools update {id} --deletion-protection off`",
                e.code, e.message
            )));
        }
        Err(e) => return Err(e.into()),
    }
    let keys = [("UserPoolId", id.as_str())];
    done(
        format,
        &format!("pool {name} ({id}): deleted"),
        deleted("DeleteUserPool", &keys),
    )
}
