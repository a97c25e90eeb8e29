//! E-mails written as `.eml` files (the embedded default has no SMTP
//! server): a forgotten person's are deleted, mentions of them replaced.

use std::path::Path;

use iiz_store::Erasure;

/// Whether the header block of `mail` names `address` as a recipient.
fn addressed_to(mail: &str, address: &str) -> bool {
    let headers = mail.split("\r\n\r\n").next().unwrap_or(mail);
    let headers = headers.split("\n\n").next().unwrap_or(headers);
    let address = address.to_lowercase();
    headers.lines().any(|line| {
        let lower = line.to_lowercase();
        (lower.starts_with("to:") || lower.starts_with("cc:") || lower.starts_with("bcc:"))
            && lower.contains(&address)
    })
}

/// Erases in `dir`; returns (files deleted, files changed).
pub(super) fn erase(dir: &Path, erasure: &Erasure) -> std::io::Result<(u64, u64)> {
    let (mut deleted, mut changed) = (0, 0);
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok((0, 0)),
        Err(error) => return Err(error),
    };
    let mentions: Vec<&String> = erasure
        .names
        .iter()
        .chain(&erasure.emails)
        .filter(|mention| !mention.is_empty())
        .collect();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_none_or(|extension| extension != "eml") {
            continue;
        }
        let mail = String::from_utf8_lossy(&std::fs::read(&path)?).into_owned();
        if erasure
            .emails
            .iter()
            .any(|address| !address.is_empty() && addressed_to(&mail, address))
        {
            std::fs::remove_file(&path)?;
            deleted += 1;
            continue;
        }
        if mentions
            .iter()
            .any(|mention| mail.contains(mention.as_str()))
        {
            let mut text = mail;
            for mention in &mentions {
                text = text.replace(mention.as_str(), &erasure.replacement);
            }
            std::fs::write(&path, text)?;
            changed += 1;
        }
    }
    Ok((deleted, changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn erasure() -> Erasure {
        Erasure {
            person: uuid::Uuid::nil(),
            names: vec!["Zora Vexler".to_owned()],
            emails: vec!["zora@example.ch".to_owned()],
            replacement: "erased person".to_owned(),
            throttle_keys: Vec::new(),
        }
    }

    #[test]
    fn mails_to_the_person_go_and_mentions_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let to_her = dir.path().join("a.eml");
        let about_her = dir.path().join("b.eml");
        let other = dir.path().join("c.eml");
        std::fs::write(&to_her, "To: Zora@Example.ch\r\nSubject: x\r\n\r\nHallo").unwrap();
        std::fs::write(
            &about_her,
            "To: anna@example.ch\r\n\r\nZora Vexler coordinates the network.",
        )
        .unwrap();
        std::fs::write(&other, "To: anna@example.ch\r\n\r\nNothing about her.").unwrap();
        assert_eq!(erase(dir.path(), &erasure()).unwrap(), (1, 1));
        assert!(!to_her.exists());
        assert_eq!(
            std::fs::read_to_string(&about_her).unwrap(),
            "To: anna@example.ch\r\n\r\nerased person coordinates the network."
        );
        assert_eq!(
            std::fs::read_to_string(&other).unwrap(),
            "To: anna@example.ch\r\n\r\nNothing about her."
        );
    }

    #[test]
    fn a_missing_directory_erases_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(erase(&dir.path().join("none"), &erasure()).unwrap(), (0, 0));
    }
}
