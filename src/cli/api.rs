//! `api OPERATION [--input JSON|@file]`: any operation of the service model, JSON in and out.

use std::io::{Read as _, Write as _};

use super::args::{ApiArgs, input_path};
use super::output::{Out, write_json};
use super::{CliError, CliResult};
use crate::cognito::CognitoClient;
use crate::cognito::operations;

pub async fn run(client: &CognitoClient, args: ApiArgs) -> CliResult {
    if args.list {
        return list_operations();
    }
    let mut out = Out::stdout();
    let Some(operation) = args.operation else {
        return Err(CliError::Input(
            "name an operation, or pass --list".to_owned(),
        ));
    };
    let input = match args.input.as_deref() {
        None => serde_json::json!({}),
        Some(text) => parse_input(text)?,
    };
    let response = client.call_json(&operation, &input).await?;
    write_json(&mut out, &response)?;
    Ok(out.flush()?)
}

/// `api --list`: every operation name, whether it is signed, and its required input.
pub fn list_operations() -> CliResult {
    let mut out = Out::stdout();
    for op in operations::all() {
        let auth = if op.signed { "sigv4" } else { "none" };
        writeln!(out, "{}\t{auth}\t{}", op.name, op.required_input.join(","))?;
    }
    Ok(out.flush()?)
}

fn parse_input(text: &str) -> Result<serde_json::Value, CliError> {
    let (source, body) = match input_path(text) {
        Some(path) if path.as_os_str() == "-" => {
            let mut body = String::new();
            std::io::stdin().read_to_string(&mut body)?;
            ("standard input".to_owned(), body)
        }
        Some(path) => {
            let body = std::fs::read_to_string(&path)
                .map_err(|e| CliError::Input(format!("--input {}: {e}", path.display())))?;
            (path.display().to_string(), body)
        }
        None => ("--input".to_owned(), text.to_owned()),
    };
    serde_json::from_str(&body)
        .map_err(|e| CliError::Input(format!("{source} is not valid JSON: {e}")))
}
