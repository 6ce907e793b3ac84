//! Users written out for another tool: CSV in the pool's `GetCSVHeader` columns and order (so the
//! file feeds straight into a user import job, the common migration path), or JSON / JSON Lines
//! with every attribute (and the groups, when known). One user at a time, so an export of millions
//! stays in constant memory.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use crate::cognito::types::AttributeType;
use crate::cognito::user_status::UserStatus;
use crate::cognito::users::UserType;
use crate::index::IndexedUser;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The pool's import CSV (GetCSVHeader's columns).
    Csv,
    /// One JSON array of users as ListUsers shapes them.
    Json,
    /// One JSON user a line.
    Jsonl,
}

/// One user to export, from a listing or from the local index.
#[derive(Debug, Clone, Copy)]
pub struct ExportUser<'a> {
    pub username: &'a str,
    pub attributes: &'a [(String, String)],
    pub status: Option<&'a str>,
    pub enabled: Option<bool>,
    pub created: Option<f64>,
    pub modified: Option<f64>,
    /// The user has an MFA method (CSV's `cognito:mfa_enabled`).
    pub mfa_enabled: bool,
    /// `None`: not known (a listing does not say); `Some`: every group of the user.
    pub groups: Option<&'a [String]>,
}

impl ExportUser<'_> {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A user's attributes, as the pairs `ExportUser` borrows.
pub fn pairs(attributes: &[AttributeType]) -> Vec<(String, String)> {
    attributes
        .iter()
        .map(|a| (a.name.clone(), a.value.clone().unwrap_or_default()))
        .collect()
}

/// `ExportUser` over a user of the local index and its `pairs`: with every group.
pub fn indexed<'a>(u: &'a IndexedUser, pairs: &'a [(String, String)]) -> ExportUser<'a> {
    ExportUser {
        username: u.user.username.as_str(),
        attributes: pairs,
        status: Some(u.user.status.as_str()),
        enabled: Some(u.user.enabled),
        created: u.user.created.map(|d| d.0),
        modified: u.user.modified.map(|d| d.0),
        mfa_enabled: !u.user.mfa.is_empty(),
        groups: Some(&u.groups),
    }
}

/// `ExportUser` over a listed user and its `pairs`.
pub fn listed<'a>(user: &'a UserType, pairs: &'a [(String, String)]) -> ExportUser<'a> {
    ExportUser {
        username: user.username.as_str(),
        attributes: pairs,
        status: user
            .user_status
            .as_ref()
            .map(|s| UserStatus::text_of(Some(s))),
        enabled: user.enabled,
        created: user.user_create_date.map(|d| d.0),
        modified: user.user_last_modified_date.map(|d| d.0),
        mfa_enabled: !user.mfa_options.is_empty(),
        groups: None,
    }
}

enum Sink<W: Write> {
    Text(W),
    Csv(Box<csv::Writer<W>>),
}

pub struct ExportWriter<W: Write> {
    sink: Sink<W>,
    format: ExportFormat,
    header: Vec<String>,
    written: u64,
}

impl<W: Write> ExportWriter<W> {
    /// `header`: the CSV columns (GetCSVHeader's), written at once; unused for JSON.
    pub fn new(mut out: W, format: ExportFormat, header: Vec<String>) -> io::Result<Self> {
        let sink = match format {
            ExportFormat::Csv => {
                let mut csv = csv::Writer::from_writer(out);
                csv.write_record(&header)?;
                Sink::Csv(Box::new(csv))
            }
            ExportFormat::Json => {
                out.write_all(b"[")?;
                Sink::Text(out)
            }
            ExportFormat::Jsonl => Sink::Text(out),
        };
        Ok(Self {
            sink,
            format,
            header,
            written: 0,
        })
    }

    pub fn written(&self) -> u64 {
        self.written
    }

    pub fn write(&mut self, user: &ExportUser<'_>) -> io::Result<()> {
        match &mut self.sink {
            Sink::Csv(csv) => {
                let record = self.header.iter().map(|column| match column.as_str() {
                    "cognito:username" => user.username.to_owned(),
                    "cognito:mfa_enabled" => user.mfa_enabled.to_string(),
                    name => user.attribute(name).unwrap_or_default().to_owned(),
                });
                csv.write_record(record)?;
            }
            Sink::Text(out) if self.format == ExportFormat::Json => {
                out.write_all(if self.written == 0 { b"\n  " } else { b",\n  " })?;
                serde_json::to_writer(&mut *out, &as_json(user))?;
            }
            Sink::Text(out) => {
                serde_json::to_writer(&mut *out, &as_json(user))?;
                out.write_all(b"\n")?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the document (a JSON array; a CSV has its header even when empty) and flushes.
    pub fn finish(self) -> io::Result<W> {
        let mut out = match self.sink {
            Sink::Csv(csv) => (*csv)
                .into_inner()
                .map_err(csv::IntoInnerError::into_error)?,
            Sink::Text(mut out) => {
                if self.format == ExportFormat::Json {
                    out.write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })?;
                }
                out
            }
        };
        out.flush()?;
        Ok(out)
    }
}

/// A user as ListUsers shapes one, plus `Groups` when known.
fn as_json(user: &ExportUser<'_>) -> Value {
    let mut object = Map::new();
    object.insert("Username".into(), json!(user.username));
    object.insert(
        "Attributes".into(),
        user.attributes
            .iter()
            .map(|(n, v)| json!({"Name": n, "Value": v}))
            .collect(),
    );
    if let Some(d) = user.created {
        object.insert("UserCreateDate".into(), json!(d));
    }
    if let Some(d) = user.modified {
        object.insert("UserLastModifiedDate".into(), json!(d));
    }
    if let Some(e) = user.enabled {
        object.insert("Enabled".into(), json!(e));
    }
    if let Some(s) = user.status {
        object.insert("UserStatus".into(), json!(s));
    }
    if let Some(groups) = user.groups {
        object.insert("Groups".into(), json!(groups));
    }
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann() -> Vec<(String, String)> {
        vec![
            ("email".into(), "ann@example.com".into()),
            ("custom:tenant".into(), "acme, \"west\"".into()),
        ]
    }

    fn user<'a>(
        attributes: &'a [(String, String)],
        groups: Option<&'a [String]>,
    ) -> ExportUser<'a> {
        ExportUser {
            username: "ann",
            attributes,
            status: Some("CONFIRMED"),
            enabled: Some(true),
            created: Some(1_700_000_000.0),
            modified: None,
            mfa_enabled: false,
            groups,
        }
    }

    fn export(format: ExportFormat, users: &[ExportUser<'_>]) -> String {
        let header = crate::cognito::pools::csv_header_from_schema(&["custom:tenant".to_owned()]);
        let mut w = ExportWriter::new(Vec::new(), format, header).unwrap();
        for u in users {
            w.write(u).unwrap();
        }
        String::from_utf8(w.finish().unwrap()).unwrap()
    }

    #[test]
    fn csv_has_the_import_header_and_one_quoted_record_a_user() {
        let attrs = ann();
        let text = export(ExportFormat::Csv, &[user(&attrs, None)]);
        let mut lines = text.lines();
        let header = lines.next().unwrap();
        assert!(
            header.starts_with("name,given_name,family_name,"),
            "{header}"
        );
        assert!(
            header.ends_with(",custom:tenant,cognito:mfa_enabled,cognito:username"),
            "{header}"
        );
        let record = lines.next().unwrap();
        assert!(record.contains(",ann@example.com,"), "{record}");
        assert!(
            record.ends_with(",\"acme, \"\"west\"\"\",false,ann"),
            "{record}"
        );
        assert_eq!(lines.next(), None);
        // An empty export is still a valid import file: the header alone.
        assert_eq!(export(ExportFormat::Csv, &[]).lines().count(), 1);
    }

    #[test]
    fn json_is_one_array_and_jsonl_one_user_a_line_with_groups_when_known() {
        let attrs = ann();
        let groups = vec!["admins".to_owned()];
        let users = [user(&attrs, Some(&groups)), user(&attrs, None)];
        let array: Vec<Value> = serde_json::from_str(&export(ExportFormat::Json, &users)).unwrap();
        assert_eq!(array.len(), 2);
        assert_eq!(array[0]["Groups"], json!(["admins"]));
        assert_eq!(array[0]["Attributes"][1]["Value"], json!("acme, \"west\""));
        assert!(array[1].get("Groups").is_none());
        let empty: Vec<Value> = serde_json::from_str(&export(ExportFormat::Json, &[])).unwrap();
        assert!(empty.is_empty());
        let lines = export(ExportFormat::Jsonl, &users);
        assert_eq!(lines.lines().count(), 2);
        for line in lines.lines() {
            let u: Value = serde_json::from_str(line).unwrap();
            assert_eq!(u["UserStatus"], json!("CONFIRMED"));
        }
    }
}
