//! `pools add-attribute`: one custom attribute (AddCustomAttributes). AWS puts `custom:` before
//! the name itself, so the name is taken with or without it.

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::{DryRun, Switch, done, note};
use crate::aws::AwsError;
use crate::cli::args::OutputFormat;
use crate::cli::{CliError, CliResult, resolve_pool};
use crate::cognito::CognitoClient;
use crate::cognito::edit::Target;

/// `pools add-attribute`.
#[derive(Debug, Clone, Args)]
pub struct AttributeArgs {
    /// Pool id, or a pool name that is unique in the region.
    pub pool: String,
    /// The attribute's name, with or without `custom:` (AWS adds it).
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// What the attribute holds.
    #[arg(long = "type", value_enum, ignore_case = true, value_name = "TYPE")]
    pub kind: AttributeKind,
    /// Whether users' values can change after they are set (fixed once added).
    #[arg(long, value_name = "on|off", default_value = "on")]
    pub mutable: Switch,
    /// The shortest String (in characters) or the smallest Number allowed.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub min: Option<i64>,
    /// The longest String (in characters, at most 2048) or the largest Number allowed.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub max: Option<i64>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

/// AttributeDataType.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AttributeKind {
    #[value(name = "String")]
    String,
    #[value(name = "Number")]
    Number,
    #[value(name = "DateTime")]
    DateTime,
    #[value(name = "Boolean")]
    Boolean,
}

impl AttributeKind {
    fn wire(self) -> &'static str {
        match self {
            Self::String => "String",
            Self::Number => "Number",
            Self::DateTime => "DateTime",
            Self::Boolean => "Boolean",
        }
    }
}

impl AttributeArgs {
    /// The name AWS is sent (without `custom:`).
    fn bare_name(&self) -> &str {
        self.name.strip_prefix("custom:").unwrap_or(&self.name)
    }

    /// The SchemaAttributeType to add.
    fn schema(&self) -> Result<Value, CliError> {
        let mut attribute = json!({"Name": self.bare_name(), "AttributeDataType": self.kind.wire(),
            "Mutable": self.mutable.is_on()});
        let bounds = [("Min", self.min), ("Max", self.max)];
        let given: Vec<(&str, i64)> = bounds
            .iter()
            .filter_map(|(k, v)| v.map(|v| (*k, v)))
            .collect();
        if given.is_empty() {
            return Ok(attribute);
        }
        let (member, suffix) = match self.kind {
            AttributeKind::String => ("StringAttributeConstraints", "Length"),
            AttributeKind::Number => ("NumberAttributeConstraints", "Value"),
            AttributeKind::DateTime | AttributeKind::Boolean => {
                return Err(CliError::Usage(format!(
                    "--min and --max bound a String or a Number, not a {}",
                    self.kind.wire()
                )));
            }
        };
        // The API takes the bounds as strings.
        for (bound, value) in given {
            attribute[member][format!("{bound}{suffix}")] = json!(value.to_string());
        }
        Ok(attribute)
    }
}

/// Adds the attribute unless the pool has one of that name (AWS would refuse it less clearly).
pub async fn add(client: &CognitoClient, format: OutputFormat, args: AttributeArgs) -> CliResult {
    if args.bare_name().is_empty() {
        return Err(CliError::Usage("--name needs a name after custom:".into()));
    }
    let attribute = args.schema()?;
    let pool = resolve_pool(client, &args.pool).await?;
    let full = format!("custom:{}", args.bare_name());
    let target = Target::Pool(pool.clone());
    let existing = find(&client.describe_resource(&target).await?, &full);
    if existing.is_some() {
        return Err(CliError::Input(format!(
            "pool {pool} already has {full} (a custom attribute cannot be changed or removed)"
        )));
    }
    if args.dry_run.dry_run {
        note(
            format,
            &format!("pool {pool}:\n  + SchemaAttributes: {attribute}"),
        )?;
        return done(
            format,
            "dry run: AddCustomAttributes not sent",
            json!({"Operation": "AddCustomAttributes", "Attribute": attribute, "Sent": false}),
        );
    }
    let input = json!({"UserPoolId": pool, "CustomAttributes": [attribute]});
    client.call_json("AddCustomAttributes", &input).await?;
    let added = find(&client.describe_resource(&target).await?, &full).ok_or_else(|| {
        AwsError::Config(format!(
            "AddCustomAttributes answered success, but the pool does not describe {full}"
        ))
    })?;
    done(format, &format!("pool {pool}: {full} added"), added)
}

/// The pool's schema attribute of that full name.
fn find(pool: &Value, name: &str) -> Option<Value> {
    pool["SchemaAttributes"]
        .as_array()?
        .iter()
        .find(|a| a["Name"] == name)
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser as _;

    fn parse(line: &str) -> AttributeArgs {
        #[derive(clap::Parser)]
        struct Wrap {
            #[command(flatten)]
            args: AttributeArgs,
        }
        Wrap::parse_from(std::iter::once("x").chain(line.split_whitespace())).args
    }

    #[test]
    fn the_custom_prefix_is_optional_and_bounds_fit_the_type() {
        let a = parse("p --name custom:tier --type string --min 1 --max 20");
        assert_eq!(
            a.schema().unwrap(),
            json!({"Name": "tier", "AttributeDataType": "String", "Mutable": true,
                   "StringAttributeConstraints": {"MinLength": "1", "MaxLength": "20"}})
        );
        let a = parse("p --name score --type Number --min -5 --mutable off");
        assert_eq!(
            a.schema().unwrap(),
            json!({"Name": "score", "AttributeDataType": "Number", "Mutable": false,
                   "NumberAttributeConstraints": {"MinValue": "-5"}})
        );
        let a = parse("p --name born --type DateTime --max 3");
        assert!(a.schema().is_err());
    }
}
