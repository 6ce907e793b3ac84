//! Users as table rows or CSV records, written a batch (a page) at a time.

use std::io::{self, Write};

use super::args::OutputFormat;
use super::output::Table;
use crate::cognito::types::{EpochSeconds, attribute};
use crate::cognito::user_status::UserStatus;
use crate::cognito::users::UserType;

/// Writes users as table rows or CSV records, a batch at a time.
pub struct UserWriter<'a> {
    format: OutputFormat,
    attributes: &'a [String],
    table: Option<Table>,
    headers: Vec<String>,
}

impl<'a> UserWriter<'a> {
    pub fn new(format: OutputFormat, attributes: &'a [String]) -> Self {
        let fixed = [
            "Username",
            "UserStatus",
            "Enabled",
            "UserCreateDate",
            "UserLastModifiedDate",
        ];
        let headers = fixed
            .iter()
            .map(|h| (*h).to_owned())
            .chain(attributes.iter().cloned())
            .collect();
        Self {
            format,
            attributes,
            table: None,
            headers,
        }
    }

    fn row(&self, user: &UserType) -> Vec<String> {
        let date = |d: Option<EpochSeconds>| d.map(EpochSeconds::to_utc_string).unwrap_or_default();
        let mut row = vec![
            user.username.to_string(),
            UserStatus::text_of(user.user_status.as_ref()).to_owned(),
            user.enabled.map(|e| e.to_string()).unwrap_or_default(),
            date(user.user_create_date),
            date(user.user_last_modified_date),
        ];
        row.extend(self.attributes.iter().map(|a| {
            attribute(&user.attributes, a)
                .unwrap_or_default()
                .to_owned()
        }));
        row
    }

    pub fn write(&mut self, out: &mut impl Write, users: &[UserType]) -> io::Result<()> {
        let rows: Vec<Vec<String>> = users.iter().map(|u| self.row(u)).collect();
        let headers: Vec<&str> = self.headers.iter().map(String::as_str).collect();
        if self.format == OutputFormat::Csv {
            let mut csv = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut *out);
            if self.table.is_none() {
                csv.write_record(&headers).map_err(io::Error::other)?;
                self.table = Some(Table::measure(&[], &[]));
            }
            for row in &rows {
                csv.write_record(row).map_err(io::Error::other)?;
            }
            return csv.flush();
        }
        if self.table.is_none() {
            let table = Table::measure(&headers, &rows);
            table.write_header(out, &headers)?;
            self.table = Some(table);
        }
        self.table
            .as_ref()
            .map_or(Ok(()), |t| t.write_rows(out, &rows))
    }

    /// An empty listing still gets its header line.
    pub fn finish(mut self, out: &mut impl Write) -> io::Result<()> {
        if self.table.is_none() {
            self.write(out, &[])
        } else {
            Ok(())
        }
    }
}

/// Users already in memory (group members) as a table or CSV.
pub fn write_users(
    out: &mut impl Write,
    format: OutputFormat,
    users: &[UserType],
    attributes: &[String],
) -> io::Result<()> {
    let mut writer = UserWriter::new(format, attributes);
    writer.write(out, users)?;
    writer.finish(out)
}
