//! Writing results to stdout: aligned tables, JSON, CSV. Stdout is buffered and flushed per page.
//! Table cells show hidden characters escaped (`shared::visible`), one row a line; JSON escapes by
//! itself and CSV keeps the raw data.

use std::io::{self, BufWriter, StdoutLock, Write};

use serde_json::Value;

pub use crate::shared::visible::escape;

/// Buffered stdout.
pub struct Out {
    inner: BufWriter<StdoutLock<'static>>,
}

impl Out {
    pub fn stdout() -> Self {
        Self {
            inner: BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
        }
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Column widths fixed from the first rows seen; later rows that are wider just push their line.
pub struct Table {
    widths: Vec<usize>,
}

impl Table {
    /// Measures headers and the first batch; call `write_header` then `write_rows`.
    pub fn measure(headers: &[&str], first: &[Vec<String>]) -> Self {
        let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
        for row in first {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(escape(cell).chars().count()).min(60);
            }
        }
        Self { widths }
    }

    pub fn write_header(&self, out: &mut impl Write, headers: &[&str]) -> io::Result<()> {
        let row: Vec<String> = headers.iter().map(|h| h.to_uppercase()).collect();
        self.write_row(out, &row)
    }

    pub fn write_rows(&self, out: &mut impl Write, rows: &[Vec<String>]) -> io::Result<()> {
        rows.iter().try_for_each(|row| self.write_row(out, row))
    }

    fn write_row(&self, out: &mut impl Write, row: &[String]) -> io::Result<()> {
        let last = row.len().saturating_sub(1);
        for (i, cell) in row.iter().enumerate() {
            let cell = escape(cell);
            if i == last {
                writeln!(out, "{cell}")?;
            } else {
                let width = self.widths.get(i).copied().unwrap_or(0);
                write!(out, "{cell:<width$}  ")?;
            }
        }
        Ok(())
    }
}

/// Writes a whole table at once (small lists).
pub fn write_table(out: &mut impl Write, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let table = Table::measure(headers, rows);
    table.write_header(out, headers)?;
    table.write_rows(out, rows)
}

/// Key/value lines for one object: `Key   value`, dates (numbers named `…Date`, epoch seconds on
/// the wire) readable, nested values as compact JSON, hidden characters of the values escaped.
pub fn write_object(out: &mut impl Write, object: &Value) -> io::Result<()> {
    let Some(map) = object.as_object() else {
        return writeln!(out, "{object}");
    };
    let width = map.keys().map(|k| k.chars().count()).max().unwrap_or(0);
    for (key, value) in map {
        let text = if key.ends_with("Date") && value.is_number() {
            date_cell(object, key)
        } else {
            cell(value)
        };
        writeln!(out, "{key:<width$}  {}", escape(&text))?;
    }
    Ok(())
}

pub fn write_json(out: &mut impl Write, value: &Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// A JSON value as a table cell: strings bare, lists of strings joined, the rest compact JSON.
pub fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(","),
        other => other.to_string(),
    }
}

/// A date field of a JSON object as `YYYY-MM-DD HH:MM:SSZ`.
pub fn date_cell(object: &Value, key: &str) -> String {
    object
        .get(key)
        .and_then(Value::as_f64)
        .map(|t| crate::cognito::types::EpochSeconds(t).to_utc_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_columns_and_keep_rows_on_one_line() {
        // A line feed is shown as `\n`: the row stays on one line and reads differently from
        // `a b`.
        let rows = vec![
            vec!["ann".to_owned(), "CONFIRMED".to_owned(), "a\nb".to_owned()],
            vec![
                "bartholomew".to_owned(),
                "UNCONFIRMED".to_owned(),
                "x".to_owned(),
            ],
        ];
        let mut out = Vec::new();
        write_table(&mut out, &["username", "status", "note"], &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "USERNAME     STATUS       NOTE\nann          CONFIRMED    a\\nb\nbartholomew  UNCONFIRMED  x\n"
        );
    }

    #[test]
    fn lookalike_names_are_escaped_in_tables_and_objects() {
        let rows: Vec<Vec<String>> = ["fz-ab", "fz-a\nb", "fz-a\u{200d}b", "fz-a\\nb"]
            .iter()
            .map(|n| vec![(*n).to_owned(), "x".to_owned()])
            .collect();
        let mut out = Vec::new();
        write_table(&mut out, &["username", "note"], &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "USERNAME       NOTE\nfz-ab          x\nfz-a\\nb        x\nfz-a\\u{200d}b  x\nfz-a\\\\nb       x\n"
        );
        let mut out = Vec::new();
        let object = serde_json::json!({"Username": "fz-a\u{200d}b", "Groups": ["a\tb"]});
        write_object(&mut out, &object).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Groups    a\\tb\nUsername  fz-a\\u{200d}b\n"
        );
    }

    #[test]
    fn cells_render_strings_lists_and_dates() {
        let v = serde_json::json!({"A": "x", "B": ["p", "q"], "C": 1.7e9, "D": {"k": 1}});
        assert_eq!(cell(&v["A"]), "x");
        assert_eq!(cell(&v["B"]), "p,q");
        assert_eq!(cell(&v["D"]), "{\"k\":1}");
        assert_eq!(date_cell(&v, "C"), "2023-11-14 22:13:20Z");
        assert_eq!(date_cell(&v, "missing"), "");
    }

    #[test]
    fn objects_show_their_dates_readable_and_other_numbers_as_sent() {
        let object = serde_json::json!({"CreationDate": 1.7e9, "LastModifiedDate": 1_700_000_000,
            "MfaDate": "not a number", "Precedence": 1_700_000_000});
        let mut out = Vec::new();
        write_object(&mut out, &object).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "CreationDate      2023-11-14 22:13:20Z\nLastModifiedDate  2023-11-14 22:13:20Z\n\
             MfaDate           not a number\nPrecedence        1700000000\n"
        );
    }
}
