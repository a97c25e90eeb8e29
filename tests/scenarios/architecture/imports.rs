//! Which modules a source tree's files import, read from the text: enough
//! to see circles among the modules of one directory.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::circle;

/// Every `.rs` file under `dir`, keyed by its module path below `dir`
/// (`mutation/mod.rs` is `["mutation"]`), with the unit tests at its end
/// and its comment lines cut off; `true` marks a directory's `mod.rs`.
pub fn module_files(dir: &Path) -> BTreeMap<Vec<String>, (String, bool)> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            if path.extension().is_none_or(|ext| ext != "rs") {
                continue;
            }
            let relative = path.strip_prefix(dir).unwrap();
            let mut module: Vec<String> = relative
                .components()
                .map(|part| {
                    part.as_os_str()
                        .to_string_lossy()
                        .trim_end_matches(".rs")
                        .to_owned()
                })
                .collect();
            let is_mod_rs = module.last().is_some_and(|last| last == "mod");
            if is_mod_rs {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code: String = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            files.insert(module, (code, is_mod_rs));
        }
    }
    files
}

/// The use tree at the start of `code` (`a::{b, c::d}`), up to where it ends.
pub fn use_tree(code: &str) -> &str {
    let mut depth = 0usize;
    for (index, c) in code.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return &code[..index],
            '}' => depth -= 1,
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':' || c == '*') => {
                return &code[..index];
            }
            _ => {}
        }
    }
    code
}

/// The paths a use tree names, each as its segments.
pub fn expand(tree: &str) -> Vec<Vec<String>> {
    let segments = |text: &str| -> Vec<String> {
        let text = text.split(" as ").next().unwrap_or_default();
        text.split("::")
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let Some(open) = tree.find('{') else {
        return vec![segments(tree)];
    };
    let base = segments(&tree[..open]);
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut parts, mut depth, mut start) = (Vec::new(), 0usize, 0);
    for (index, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .flat_map(expand)
        .map(|path| base.iter().cloned().chain(path).collect())
        .collect()
}

/// The paths (below the root `crate_prefix` names, e.g. `crate::graphql::`)
/// each module names through that prefix, `super::…` or `self::…`, and the
/// children each `mod.rs` declares.
pub fn named_modules(
    files: &BTreeMap<Vec<String>, (String, bool)>,
    crate_prefix: &str,
) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mut named: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, (code, is_mod_rs)) in files {
        let found = named.entry(module.clone()).or_default();
        for (index, _) in code.char_indices() {
            let before = code[..index].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[index..];
            let (mut base, mut rest) = if let Some(rest) = rest.strip_prefix(crate_prefix) {
                (Vec::new(), rest)
            } else if let Some(rest) = rest.strip_prefix("self::") {
                (module.clone(), rest)
            } else if rest.starts_with("super::") {
                (module.clone(), rest)
            } else {
                continue;
            };
            while let Some(after) = rest.strip_prefix("super::") {
                base.pop();
                rest = after;
            }
            for path in expand(use_tree(rest)) {
                found.insert(base.iter().cloned().chain(path).collect());
            }
        }
        if *is_mod_rs {
            for line in code.lines() {
                let line = line.trim_start().trim_start_matches("pub ").trim_start();
                if let Some(child) = line.strip_prefix("mod ").and_then(|l| l.strip_suffix(';')) {
                    let mut path = module.clone();
                    path.push(child.trim().to_owned());
                    found.insert(path);
                }
            }
        }
    }
    named
}

/// A circle among the modules of each directory (the directory's own
/// `mod.rs`, which declares them all, is `mod`), if there is one.
pub fn import_circle(files: &BTreeMap<Vec<String>, (String, bool)>, root: &str) -> Option<String> {
    let named = named_modules(files, &format!("crate::{root}::"));
    let directories = files.iter().filter(|(_, (_, is_mod_rs))| *is_mod_rs);
    for (directory, _) in directories {
        let depth = directory.len();
        let member = |path: &Vec<String>| -> Option<String> {
            if path.len() < depth || path[..depth] != directory[..] {
                return None;
            }
            Some(match path.get(depth) {
                Some(name) if files.contains_key(&path[..=depth]) => name.clone(),
                _ => "mod".to_owned(),
            })
        };
        let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (module, targets) in &named {
            let Some(from) = member(module) else { continue };
            let found = imports.entry(from.clone()).or_default();
            found.extend(targets.iter().filter_map(member).filter(|to| *to != from));
        }
        if let Some(found) = circle(&imports) {
            let place: Vec<&str> = std::iter::once(root)
                .chain(directory.iter().map(String::as_str))
                .collect();
            return Some(format!("{}: {found:?}", place.join("/")));
        }
    }
    None
}
