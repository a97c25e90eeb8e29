//! The Markdown report: a header with the run's facts, then one section per
//! group of measurements, each a table.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;

/// One line of a section's table.
#[derive(Debug, Clone)]
pub struct Row {
    pub measurement: String,
    pub result: String,
    /// What the result is compared with (e.g. plain INSERTs), or `—`.
    pub reference: String,
    /// Result relative to the reference, or `—`.
    pub ratio: String,
    /// The goal and whether it was met, or `—`.
    pub target: String,
}

impl Row {
    /// A row without reference, ratio or target.
    pub fn plain(measurement: impl Into<String>, result: impl Into<String>) -> Self {
        Self {
            measurement: measurement.into(),
            result: result.into(),
            reference: "—".to_owned(),
            ratio: "—".to_owned(),
            target: "—".to_owned(),
        }
    }

    #[must_use]
    pub fn compared(mut self, reference: impl Into<String>, ratio: impl Into<String>) -> Self {
        self.reference = reference.into();
        self.ratio = ratio.into();
        self
    }

    #[must_use]
    pub fn target(mut self, target: impl Into<String>) -> Self {
        self.target = target.into();
        self
    }
}

/// A titled table with optional notes under it.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

impl Section {
    /// Adds a sentence printed under the table.
    pub fn note(&mut self, note: impl Into<String>) -> &mut Self {
        self.notes.push(note.into());
        self
    }
}

/// The whole report.
#[derive(Debug, Clone)]
pub struct Report {
    title: String,
    /// `(label, value)` pairs about the run: date, commit, settings.
    facts: Vec<(String, String)>,
    /// `(label, value)` pairs about the machine and the databases.
    machine: Vec<(String, String)>,
    sections: Vec<Section>,
}

impl Report {
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            facts: Vec::new(),
            machine: Vec::new(),
            sections: Vec::new(),
        }
    }

    /// A fact about the run (date, commit, settings).
    pub fn add_fact(&mut self, label: impl Into<String>, value: impl Into<String>) {
        self.facts.push((label.into(), value.into()));
    }

    /// A fact about the machine or a database server.
    pub fn add_machine(&mut self, label: impl Into<String>, value: impl Into<String>) {
        self.machine.push((label.into(), value.into()));
    }

    /// Appends a section; the returned reference takes notes.
    pub fn add_section(&mut self, title: impl Into<String>, rows: Vec<Row>) -> &mut Section {
        let index = self.sections.len();
        self.sections.push(Section {
            title: title.into(),
            rows,
            notes: Vec::new(),
        });
        &mut self.sections[index]
    }

    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_markdown(&mut out);
        out
    }

    fn write_markdown(&self, out: &mut String) -> std::fmt::Result {
        writeln!(out, "# {}", self.title)?;
        writeln!(out)?;
        for (label, value) in &self.facts {
            writeln!(out, "- **{label}:** {value}")?;
        }
        if !self.machine.is_empty() {
            writeln!(out)?;
            writeln!(out, "## Machine")?;
            writeln!(out)?;
            for (label, value) in &self.machine {
                writeln!(out, "- **{label}:** {value}")?;
            }
        }
        for section in &self.sections {
            writeln!(out)?;
            writeln!(out, "## {}", section.title)?;
            writeln!(out)?;
            writeln!(out, "| measurement | result | reference | ratio | target |")?;
            writeln!(out, "|---|---:|---|---:|---|")?;
            for row in &section.rows {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    cell(&row.measurement),
                    cell(&row.result),
                    cell(&row.reference),
                    cell(&row.ratio),
                    cell(&row.target),
                )?;
            }
            if !section.notes.is_empty() {
                writeln!(out)?;
                for note in &section.notes {
                    writeln!(out, "- {note}")?;
                }
            }
        }
        Ok(())
    }

    /// Writes the Markdown to `path`, creating its directory.
    pub fn write(&self, path: &Path) -> anyhow::Result<()> {
        if let Some(parent) = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(path, self.to_markdown())
            .with_context(|| format!("cannot write {}", path.display()))
    }
}

/// A table cell: pipes would end the cell early.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_sections_as_tables() {
        let mut report = Report::new("Benchmarks");
        report.add_fact("Date", "2025-01-01 00:00 UTC");
        report.add_machine("CPU", "Test CPU");
        report
            .add_section(
                "Event store — SQLite",
                vec![
                    Row::plain("append", "100 appends/s")
                        .compared("plain INSERT: 200 rows/s", "50 %")
                        .target("≥ 80 % | missed"),
                ],
            )
            .note("synchronous = FULL");
        let markdown = report.to_markdown();
        assert!(markdown.starts_with("# Benchmarks\n"));
        assert!(markdown.contains("- **CPU:** Test CPU"));
        assert!(markdown.contains("## Event store — SQLite"));
        assert!(markdown.contains(
            "| append | 100 appends/s | plain INSERT: 200 rows/s | 50 % | ≥ 80 % \\| missed |"
        ));
        assert!(markdown.ends_with("- synchronous = FULL\n"));
    }
}
